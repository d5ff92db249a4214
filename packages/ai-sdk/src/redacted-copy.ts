import { redactError } from "@friendli-ts/client/internal";

/** What stands for server data too deeply nested to be copied or written out. */
export const TOO_DEEP = "(nested too deeply to be shown)";

/**
 * A copy of server data with the call's secret redacted, for a result or an error (the
 * client's `redactError` takes any value). The redaction walks nested data by recursion, so
 * data nested past the stack cannot be copied: it is replaced by a note, never thrown as a
 * RangeError.
 */
export function redactedCopy<T>(value: T, secret: string | null): T | typeof TOO_DEEP {
  try {
    return redactError(value, secret);
  } catch {
    return TOO_DEEP;
  }
}
