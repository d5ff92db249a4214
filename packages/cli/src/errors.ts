import { APIConnectionError, APIError, FriendliError, InvalidInputError } from "@friendli-ts/client";
import { SampleValidationError } from "@friendli-ts/datasets";

/** Exit codes of the `friendli` command. */
export const EXIT = {
  ok: 0,
  /** The API answered with an error, the server could not be reached, or the command failed. */
  failure: 1,
  /** Bad arguments or options: nothing was sent. */
  usage: 2,
  /** Interrupted (Ctrl-C): 128 + SIGINT. */
  interrupted: 130,
} as const;

/** A mistake in the command line itself; exits 2. */
export class UsageError extends Error {
  override name = "UsageError";
}

/** The one line printed for an error, and the exit code it gives. */
export function describeError(error: unknown): { message: string; exitCode: number } {
  if (error instanceof UsageError) return { message: `error: ${error.message}`, exitCode: EXIT.usage };
  // Caught by the SDK before any request: a bad value on the command line. (A bad line in an
  // uploaded file is the data's fault, not the command line's, and earlier batches may be in.)
  if (error instanceof InvalidInputError && !(error instanceof SampleValidationError)) {
    return { message: `error: ${error.name}: ${error.message}`, exitCode: EXIT.usage };
  }
  if (error instanceof APIError) {
    const requestId = error.requestId ? ` (request id ${error.requestId})` : "";
    return { message: `error: ${error.name} ${error.status}: ${error.message}${requestId}`, exitCode: EXIT.failure };
  }
  if (error instanceof APIConnectionError) {
    // The system's reason (`connect ECONNREFUSED 127.0.0.1:1`) unless the message has it already.
    const cause = rootCause(error.cause);
    const detail = cause && !(cause.code && error.message.includes(cause.code)) ? ` (${cause.message})` : "";
    return { message: `error: ${error.name}: ${error.message}${detail}`, exitCode: EXIT.failure };
  }
  if (error instanceof FriendliError) {
    return { message: `error: ${error.name}: ${error.message}`, exitCode: EXIT.failure };
  }
  if (error instanceof Error) return { message: `error: ${error.message}`, exitCode: EXIT.failure };
  return { message: `error: ${String(error)}`, exitCode: EXIT.failure };
}

/** The innermost error under a connection error, with its system code when it has one. */
function rootCause(cause: unknown): { message: string; code: string | undefined } | undefined {
  let current = cause;
  for (let depth = 0; depth < 5 && current instanceof Error; depth++) {
    if (!(current.cause instanceof Error)) {
      const code = (current as { code?: unknown }).code;
      return { message: current.message, code: typeof code === "string" ? code : undefined };
    }
    current = current.cause;
  }
  return undefined;
}
