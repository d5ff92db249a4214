import { redact } from "@friendli-ts/client/internal";

/**
 * Response headers as the AI SDK's plain record, names and values redacted with the call's
 * secret: they are server text, and a server may echo the token. Built from entries, so a
 * header named `__proto__` is a field like any other.
 */
export function headersRecord(headers: Headers | undefined, secret: string | null): Record<string, string> | undefined {
  if (!headers) return undefined;
  return Object.fromEntries([...headers].map(([name, value]) => [redact(name, secret), redact(value, secret)]));
}
