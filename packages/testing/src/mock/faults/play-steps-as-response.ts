import type { AnswerStep } from "./answer-steps.ts";

/** Statuses whose answer has no body, which `Response` refuses to carry one for. */
const NO_BODY = new Set([101, 103, 204, 205, 304]);

/** What a fetch rejects with when the connection goes: a `TypeError`, as every fetch does. */
const networkError = (what: string) => new TypeError("fetch failed", { cause: new Error(`mock: ${what}`) });

/**
 * Plays an answer's steps as a fetch `Response`, with no socket: the promise settles at the
 * head (or rejects at a reset), and the body is a stream the steps write into. A cut errors
 * the body stream, a stall leaves it open. The request's signal ends everything at once, with
 * its reason, as a real fetch does: no timer outlives the call.
 */
export function playStepsAsResponse(steps: AnswerStep[], signal: AbortSignal | undefined): Promise<Response> {
  return new Promise<Response>((resolve, reject) => {
    let controller: ReadableStreamDefaultController<Uint8Array> | undefined;
    let settled = false;
    let done = false;
    let wake: (() => void) | undefined;
    let pulled: (() => void) | undefined;
    const encoder = new TextEncoder();
    const body = new ReadableStream<Uint8Array>({
      start(c) {
        controller = c;
      },
      pull() {
        pulled?.();
      },
      cancel() {
        done = true;
        wake?.();
      },
    });
    const fail = (reason: unknown) => {
      if (done) return;
      done = true;
      if (!settled) {
        settled = true;
        reject(reason);
      } else {
        try {
          controller?.error(reason);
        } catch {}
      }
    };
    const onAbort = () => {
      fail(signal?.reason);
      wake?.();
    };
    if (signal?.aborted) return reject(signal.reason);
    signal?.addEventListener("abort", onAbort, { once: true });
    const pause = (ms: number | undefined) =>
      new Promise<void>((resume) => {
        const timer = ms === undefined ? undefined : setTimeout(resume, ms);
        wake = () => {
          clearTimeout(timer);
          resume();
        };
      });

    (async () => {
      for (const step of steps) {
        if (done) return;
        switch (step.kind) {
          case "wait":
            await pause(step.ms);
            break;
          case "reset":
            fail(networkError("connection reset"));
            return;
          case "head":
            settled = true;
            resolve(
              new Response(NO_BODY.has(step.status) ? null : body, { status: step.status, headers: step.headers }),
            );
            break;
          case "write":
            controller?.enqueue(typeof step.chunk === "string" ? encoder.encode(step.chunk) : step.chunk);
            // Until the client has read it: a cut after it must not take back what was sent.
            if ((controller?.desiredSize ?? 1) <= 0) {
              await new Promise<void>((resume) => {
                pulled = wake = () => {
                  pulled = undefined;
                  resume();
                };
              });
            }
            break;
          case "stall":
            // Open until the client aborts or cancels the body.
            await pause(undefined);
            return;
          case "cut":
            fail(networkError("connection cut mid-answer"));
            return;
          case "end":
            done = true;
            controller?.close();
            return;
        }
      }
    })()
      .catch(fail)
      .finally(() => signal?.removeEventListener("abort", onAbort));
  });
}
