import type { ResolvedClientOptions } from "./client-options.ts";

// What a call's result or stream came with: the token that call sent, so an error built
// from it later (a stream collector, a helper parsing the answer) can be redacted with it.
const secrets = new WeakMap<object, string>();

/** Records the secret `owner` was fetched with; values that are not objects are left alone. */
export function keepSecret<T>(owner: T, secret: string | null | undefined): T {
  if (secret && typeof owner === "object" && owner !== null) secrets.set(owner, secret);
  return owner;
}

/**
 * The secret a result or a stream was fetched with, for `redactError`; null when none.
 * A JSON result is recorded only when the client's token is a function (it may differ from
 * call to call): with a fixed token the core that made the call knows it, and a map entry
 * per call cost more than the rest of the call path. So a helper passes the core too.
 */
export function secretOf(owner: unknown, core?: { options: Pick<ResolvedClientOptions, "token"> }): string | null {
  const recorded = typeof owner === "object" && owner !== null ? secrets.get(owner) : undefined;
  if (recorded) return recorded;
  const token = core?.options.token;
  return typeof token === "string" ? token : null;
}
