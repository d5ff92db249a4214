import { APITimeoutError, APIUserAbortError } from "../errors/connection-errors.ts";
import { StreamInterruptedError } from "../errors/stream-errors.ts";
import type { SentResponse } from "../transport/create-transport.ts";
import { redactError } from "../transport/redact.ts";
import type { ByteReadResult } from "../transport/web-types.ts";
import type { ResolvedCall } from "./call-options.ts";

/** How a URL call's answer is handed back at its headers (`UrlCall.handOver`). */
export type HandOver = (sent: SentResponse, call: ResolvedCall) => Response;

/**
 * The answer of a call handed back at its headers (`client.fetch`, the openapi-fetch
 * adapter's streams): the caller reads its body, within the call's idle timeout and signal.
 */
export const responseReadByCaller: HandOver = (sent, call) => {
  const { response } = sent;
  return new Response(releasingBody(sent, call.idleTimeout, call.signal), {
    status: response.status,
    statusText: response.statusText,
    headers: response.headers,
  });
};

/**
 * A body for the caller to read (`client.fetch`, openapi-fetch's `parseAs: "stream"`): the
 * bytes as they come, with the transport's hold on the call (the listener on the caller's
 * signal) released once the body is read to the end, fails, or is cancelled. A cancel
 * aborts the request; a gap longer than `idleTimeout` fails with APITimeoutError, a cut
 * with StreamInterruptedError, the caller's abort with APIUserAbortError.
 */
export function releasingBody(
  sent: SentResponse,
  idleTimeout: number,
  callerSignal: AbortSignal | undefined,
): ReadableStream<Uint8Array> | null {
  const { response, controller, release, secret } = sent;
  if (!response.body) {
    release();
    return null;
  }
  const reader = response.body.getReader();
  const stop = (reason?: unknown) => {
    release();
    controller.abort(reason);
    reader.cancel(reason).catch(() => {});
  };
  return new ReadableStream<Uint8Array>(
    {
      async pull(out) {
        let chunk: ReadableStreamReadResult<Uint8Array>;
        try {
          chunk = await (idleTimeout > 0 ? readWithin(reader, idleTimeout) : reader.read());
        } catch (error) {
          stop();
          // Read from `response` here, not before: this body must keep that Response reachable,
          // as the transport releases the call once the Response is collected.
          out.error(readFailure(error, callerSignal, response.headers.get("x-request-id"), secret));
          return;
        }
        if (chunk.done) {
          release();
          out.close();
        } else {
          out.enqueue(chunk.value);
        }
      },
      cancel: stop,
    },
    // Nothing is read ahead of the caller.
    { highWaterMark: 0 },
  );
}

function readFailure(
  error: unknown,
  callerSignal: AbortSignal | undefined,
  requestId: string | null,
  secret: string | null,
): Error {
  if (callerSignal?.aborted) return new APIUserAbortError("the stream was aborted", { cause: callerSignal.reason });
  if (error instanceof APITimeoutError) return error;
  return redactError(
    new StreamInterruptedError("the stream was cut before it finished", requestId, { cause: error }),
    secret,
  );
}

/** One read of the body, or APITimeoutError when nothing arrives for `ms`; the caller then cancels the body. */
export function readWithin(reader: ReadableStreamDefaultReader<Uint8Array>, ms: number): Promise<ByteReadResult> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const idle = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new APITimeoutError(`the stream sent nothing for ${ms} ms`)), ms);
  });
  return Promise.race([reader.read(), idle]).finally(() => clearTimeout(timer));
}
