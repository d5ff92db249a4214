import type { OperationId } from "@friendli-ts/client/internal";
import { type SpecIndex, type SpecOperation, SSE } from "../spec-check/spec-index.ts";
import { CHAT_OPERATIONS, chatCompletion, chatStream, readChatAsk } from "./chat-default-answer.ts";
import { checkReply, type ReplyEvent, type ScriptedReply } from "./check-reply.ts";
import { scriptedAnswer } from "./faults/scripted-answer.ts";
import { followRequestAnswer } from "./follow-request/follow-request-answer.ts";
import type { MockReply, RespondOptions } from "./mock-reply-types.ts";
import { createMockStorage, DEFAULT_STORAGE_MAX_BYTES, type MockStorage } from "./mock-storage.ts";
import { readEvents } from "./read-events.ts";
import { ReplyScript } from "./reply-script.ts";
import type { LocalAnswer, ProxyRequest, UpstreamAnswer } from "./start-recording-proxy.ts";
import type { MockEndpoints } from "./state/create-endpoint-state.ts";
import { createManagementState, STATE_OFF_ENDPOINTS } from "./state/management-state.ts";
import type { StateLimits } from "./state/state-limits.ts";

export interface MockEngineOptions {
  /** Keep what the management API creates (default true). */
  state?: boolean;
  stateLimits?: Partial<StateLimits>;
  storageMaxBytes?: number;
}

/** What both ways into the mock (the server, the in-process fetch) hand their users. */
export interface MockControls {
  /**
   * Makes the next call of `operationId` (or the next `times`, or every one until `reset()`)
   * answer `reply` instead of the spec's example. The reply is checked against the spec's
   * schema for that operation and status now: one no real server could send throws a
   * `MockReplyError` naming the JSON path and the rule. Requests are still checked by the
   * mock first; one it rejects gets its rejection, and the reply waits for the next.
   * Replies given for the same operation are used in the order given.
   */
  respond<Id extends OperationId, S extends number = 200>(
    operationId: Id,
    reply: MockReply<Id, S>,
    options?: RespondOptions,
  ): void;
  /** Scripted replies given with `respond` and not used yet: operation id and how many calls are left. */
  pendingReplies(): { operationId: string; remaining: number | "always" }[];
  /** Forgets every scripted reply not used yet, every stored file and all state (`calls` are kept). */
  reset(): void;
  /** Scripts the status of the endpoints the mock holds (see `state`). */
  endpoints: MockEndpoints;
  /** The presigned upload target the mock hands out in init upload, and what was stored there. */
  storage: MockStorage;
}

export interface MockEngine extends MockControls {
  spec: SpecIndex;
  /** Answers a request the engine serves itself (the presigned storage target), before any spec routing. */
  serveStorage(request: ProxyRequest): Promise<LocalAnswer | undefined>;
  /**
   * The answer to a request the spec routed to `op` and accepted: a scripted reply, else the
   * state's, else one that follows the request, else the storage's; undefined keeps `example`
   * (the spec's own answer, from Prism or from the spec document).
   */
  answer(
    op: SpecOperation,
    request: ProxyRequest,
    example: UpstreamAnswer,
  ): Promise<(LocalAnswer & { scripted?: boolean }) | undefined>;
}

/**
 * The one engine behind the mock: the reply script, the state, the storage and the choice of
 * the answer. It sees plain requests and answers, no sockets, so the server mode (Prism behind
 * the proxy) and the in-process fetch share it whole.
 */
export function createMockEngine(spec: SpecIndex, baseURL: () => string, options: MockEngineOptions = {}): MockEngine {
  const { storageMaxBytes = DEFAULT_STORAGE_MAX_BYTES } = options;
  if (!(Number.isSafeInteger(storageMaxBytes) && storageMaxBytes >= 0)) {
    throw new RangeError(`storageMaxBytes must be a whole number of bytes, not ${String(storageMaxBytes)}`);
  }
  const state = options.state === false ? undefined : createManagementState(spec, options.stateLimits);
  const script = new ReplyScript(spec);
  const files = createMockStorage(baseURL, storageMaxBytes);
  return {
    spec,
    respond: (operationId, reply, respondOptions) => script.add(operationId, reply as ScriptedReply, respondOptions),
    pendingReplies: () => script.pending(),
    reset() {
      script.clear();
      files.storage.clear();
      state?.reset();
    },
    endpoints: state?.endpoints ?? STATE_OFF_ENDPOINTS,
    storage: files.storage,
    serveStorage: (request) => files.serve(request),
    async answer(op, request, example) {
      const reply = script.take(op.operationId, request.stream);
      if (reply) return { ...scriptedAnswer(reply), scripted: true };
      const kept = await state?.answer(op, request);
      if (kept) return kept;
      const followed = await followRequestAnswer(spec, op, request.body, example);
      if (followed) return followed;
      if (CHAT_OPERATIONS.has(op.operationId)) return chatDefault(spec, op, request.body, example);
      const stored = await files.answerFileOperation(op.operationId, request, example);
      // The storage's own answers follow the spec too.
      if (stored) checkReply(spec, op, { status: stored.status, body: stored.json });
      return stored;
    },
  };
}

/**
 * A chat answer that follows the request (structured output, a required tool call, usage in
 * a stream), built on the spec's example and checked against the spec like a scripted reply;
 * undefined keeps the example.
 */
async function chatDefault(
  spec: SpecIndex,
  op: SpecOperation,
  body: Uint8Array,
  answer: UpstreamAnswer,
): Promise<LocalAnswer | undefined> {
  const ask = readChatAsk(new TextDecoder().decode(body));
  if (op.stream) {
    const sentinel = op.responses["200"]?.content?.[SSE]?.["x-speakeasy-sse-sentinel"];
    const events: ReplyEvent[] = chatStream(readEvents(await answer.text()), ask, sentinel === "[DONE]");
    checkReply(spec, op, { status: 200, events });
    return { status: 200, events };
  }
  const completion = chatCompletion(await answer.json(), ask);
  if (completion === undefined) return undefined;
  checkReply(spec, op, { status: 200, body: completion });
  return { status: 200, json: completion };
}
