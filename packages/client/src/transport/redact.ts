import { dropped, type Logger } from "./logger.ts";
import { redactValue } from "./redact-value.ts";
import { REDACTED, replaceSecret } from "./replace-secret.ts";

export { redactValue };

/**
 * Replaces the secret in text wherever it shows: whole or any run of eight or more of its
 * characters (what a cut leaves), in any case, plain, JSON-escaped or percent-encoded. A
 * secret shorter than eight characters is replaced only where it stands as a word. Never
 * throws: should the search itself fail, the whole text is withheld.
 */
export function redact(text: string, secret: string | null | undefined): string {
  if (!secret || typeof text !== "string" || !text) return text;
  try {
    return replaceSecret(text, secret, REDACTED);
  } catch {
    return REDACTED;
  }
}

/**
 * A logger whose every line (and every string beside it) is redacted, for what runs inside
 * a call and logs: middleware, the drift check among them. Levels that are off stay off.
 */
export function redactingLogger(logger: Logger, secret: string | null | undefined): Logger {
  if (!secret) return logger;
  const at = (level: keyof Logger) => {
    const write = logger[level];
    if (write === dropped) return dropped;
    return (message: string, ...rest: unknown[]) =>
      write.call(logger, redact(message, secret), ...rest.map((item) => redactValue(item, secret)));
  };
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

/**
 * The one door every error leaves the SDK through: an error like the one given, of the same
 * class, with the secret removed from everything it shows (each field, header names and
 * values, its causes, errors or not, `AggregateError.errors` too). The error given is never
 * changed (it may be frozen, or the caller's); it comes back as it is when nothing in it
 * needed removing. Transport, streams and the wrappers' helpers all call it with the secret
 * of the call the error came from. A thrown value that is not an Error is redacted as a value.
 */
export function redactError<E>(error: E, secret: string | null | undefined): E {
  return redactValue(error, secret);
}
