import { APIError } from "../errors/api-error.ts";
import { Stream } from "../sse/stream.ts";
import type { StreamRule } from "../sse/stream-rule.ts";
import { redactError } from "../transport/redact.ts";
import type { SentResponse } from "../transport/send-request.ts";
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
 * stream is an APIError (and its body is closed); past this point the stream owns the body.
 */
export const openStream: OpenStream = async (sent, rule, call, maxEventBytes, label) => {
  const { response } = sent;
  const contentType = response.headers.get("content-type") ?? "";
  if (!contentType.includes("text/event-stream")) {
    sent.release();
    await response.body?.cancel().catch(() => {});
    throw redactError(
      new APIError(
        { status: response.status, headers: response.headers, body: null, method: "POST", url: response.url },
        `${label} answered ${contentType || "no content type"} where an event stream was expected`,
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
