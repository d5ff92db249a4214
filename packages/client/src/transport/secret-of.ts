// What a call's result or stream came with: the token that call sent, so an error built
// from it later (a stream collector, a helper parsing the answer) can be redacted with it.
const secrets = new WeakMap<object, string>();

/** Records the secret `owner` was fetched with; values that are not objects are left alone. */
export function keepSecret<T>(owner: T, secret: string | null | undefined): T {
  if (secret && typeof owner === "object" && owner !== null) secrets.set(owner, secret);
  return owner;
}

/** The secret a result or a stream was fetched with, for `redactError`; null when none. */
export function secretOf(owner: unknown): string | null {
  return (typeof owner === "object" && owner !== null && secrets.get(owner)) || null;
}
