const MARK = "[redacted]";

/** Replaces every occurrence of the secret in text, so it cannot leak through a message. */
export function redact(text: string, secret: string | null | undefined): string {
  if (!secret || !text.includes(secret)) return text;
  return text.split(secret).join(MARK);
}

/** The same for any value an error carries: strings, and strings inside arrays and objects. */
export function redactValue<T>(value: T, secret: string | null | undefined): T {
  if (!secret) return value;
  if (typeof value === "string") return redact(value, secret) as T;
  if (typeof value !== "object" || value === null) return value;
  if (Array.isArray(value)) return value.map((item) => redactValue(item, secret)) as T;
  return Object.fromEntries(
    Object.entries(value).map(([key, item]) => [redact(key, secret), redactValue(item, secret)]),
  ) as T;
}

// The fields an SDK error copies from a server's answer.
const SERVER_TEXT_FIELDS = ["body", "data", "error", "bodyStart"];

/**
 * Removes the secret from everything an error carries from the server: its message and
 * stack, the parsed body or event data, response headers, and its causes. Every error that
 * holds server text passes through here before it is thrown.
 */
export function redactError<E>(error: E, secret: string | null | undefined): E {
  if (!secret || !(error instanceof Error)) return error;
  const fields = error as unknown as Record<string, unknown>;
  error.message = redact(error.message, secret);
  if (error.stack) error.stack = redact(error.stack, secret);
  for (const key of SERVER_TEXT_FIELDS) if (key in fields) fields[key] = redactValue(fields[key], secret);
  if (fields.headers instanceof Headers) {
    const headers = new Headers();
    for (const [name, value] of fields.headers) headers.append(name, redact(value, secret));
    fields.headers = headers;
  }
  if (error.cause instanceof Error && error.cause !== error) redactError(error.cause, secret);
  return error;
}
