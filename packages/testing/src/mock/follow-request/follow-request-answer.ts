import { checkReply } from "../check-reply.ts";
import type { SpecIndex, SpecOperation } from "../spec-operations.ts";
import type { LocalAnswer, UpstreamAnswer } from "../start-recording-proxy.ts";
import { EMBEDDING_OPERATIONS, embeddingsAnswer } from "./embeddings-answer.ts";

/**
 * A default answer that follows the request, for the operations whose clients depend on it
 * (embeddings: one per input, base64 when asked), checked against the spec like a scripted
 * reply; undefined keeps the mock server's answer. Chat answers are in chat-default-answer.ts.
 */
export async function followRequestAnswer(
  spec: SpecIndex,
  op: SpecOperation,
  body: Uint8Array,
  answer: UpstreamAnswer,
): Promise<LocalAnswer | undefined> {
  if (!EMBEDDING_OPERATIONS.has(op.operationId) || answer.status !== 200) return undefined;
  const json = embeddingsAnswer(await answer.json(), new TextDecoder().decode(body));
  if (json === undefined) return undefined;
  checkReply(spec, op, { status: 200, body: json });
  return { status: 200, json };
}
