import { InvalidResponseError } from "../errors/invalid-response-error.ts";
import { Stream } from "../sse/stream.ts";
import type { StreamRule } from "../sse/stream-rule.ts";
import type { SentResponse } from "../transport/create-transport.ts";
import { redactError } from "../transport/redact.ts";
import type { ResolvedCall } from "./call-options.ts";

/** What `makeRequest` hands a stream route's opener: the answer, its route's rule, the call. */
export type OpenStream = (
  sent: SentResponse,
  rule: StreamRule,
  call: ResolvedCall,
  maxEventBytes: number,
  label: string,
) => Promise<Stream<unknown>>;

/**
 * The events of a stream answer, once its headers are in. An answer that is not an event
 * stream is an InvalidResponseError (and its body is closed); past this point the stream
 * owns the body.
 */
export const openStream: OpenStream = async (sent, rule, call, maxEventBytes, label) => {
  const { response } = sent;
  const contentType = response.headers.get("content-type") ?? "";
  // The media type itself, not a parameter that happens to mention it.
  const mediaType = contentType.split(";", 1)[0]?.trim().toLowerCase();
  if (mediaType !== "text/event-stream") {
    sent.release();
    await response.body?.cancel().catch(() => {});
    // A success status (errors never reach here): the answer is not what the route promises,
    // which is InvalidResponseError, as for a JSON route whose body is not JSON. Its body is
    // not read: a page of unknown length could hold the call.
    throw redactError(
      new InvalidResponseError(
        `${label} answered ${response.status} ${contentType.slice(0, 100) || "with no content type"} where an event stream was expected`,
        { status: response.status, headers: response.headers, body: "" },
      ),
      sent.secret,
    );
  }
  try {
    call.onResponse?.(response);
  } catch (error) {
    // Past the headers, nothing else would ever read or close this body.
    sent.controller.abort();
    sent.release();
    throw error;
  }
  return Stream.fromSSEResponse(response, sent.controller, {
    rule,
    idleTimeout: call.idleTimeout,
    maxEventBytes,
    onEnd: sent.release,
    secret: sent.secret,
  });
};
