/** Replaces every occurrence of the secret in text, so it cannot leak through a message. */
export function redact(text: string, secret: string | null): string {
  if (!secret) return text;
  return text.split(secret).join("[redacted]");
}
