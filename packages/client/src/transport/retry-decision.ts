/** What ended an attempt, as far as the retry decision needs to know. */
export type AttemptOutcome =
  | { kind: "status"; status: number }
  | { kind: "timeout" }
  /** `sent: false` when the request surely never reached the server (refused, DNS). */
  | { kind: "connection"; sent: boolean };

const RETRYABLE_STATUS = new Set([408, 409, 429]);

/**
 * Whether to try again. A call that may change state is retried only when the server surely
 * did not act on it (refused connection, 408, 429), unless the caller opted in.
 */
export function shouldRetry(outcome: AttemptOutcome, idempotent: boolean): boolean {
  switch (outcome.kind) {
    case "status": {
      const { status } = outcome;
      if (!RETRYABLE_STATUS.has(status) && status < 500) return false;
      return idempotent || status === 408 || status === 429;
    }
    case "timeout":
      return idempotent;
    case "connection":
      return idempotent || !outcome.sent;
  }
}

/** "answered 503", "timed out after 500 ms", "could not connect (ECONNRESET)": for the retry log line. */
export function describeOutcome(outcome: AttemptOutcome, timeout: number): string {
  switch (outcome.kind) {
    case "status":
      return `answered ${outcome.status}`;
    case "timeout":
      return `timed out after ${timeout} ms`;
    case "connection":
      return outcome.sent ? "lost its connection" : "could not connect";
  }
}

const NOT_SENT_CODES = new Set(["ECONNREFUSED", "ENOTFOUND", "EAI_AGAIN", "UND_ERR_CONNECT_TIMEOUT"]);

/** Reads the error code a runtime's fetch attaches to a network failure (undici, Bun, Deno). */
export function networkErrorCode(error: unknown): string | undefined {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string") return code;
    current = (current as { cause?: unknown }).cause;
  }
  return undefined;
}

/** Whether a network failure surely came before the request left (refused, no such host): nothing was acted on. */
export function wasNeverSent(error: unknown): boolean {
  const code = networkErrorCode(error);
  return code !== undefined && NOT_SENT_CODES.has(code);
}
