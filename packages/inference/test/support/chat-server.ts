import { type FaultServer, startFaultServer, writeChunks } from "@friendli-ts/test-kit";
import { chunk, sse } from "./sse.ts";

export interface Turn {
  content?: string | null;
  toolCalls?: { id: string; name: string; arguments: string }[];
  finish?: "stop" | "tool_calls" | "length";
}

/** A chat completion result for one scripted turn. */
export function completionFor(turn: Turn) {
  return {
    id: "chatcmpl-x",
    object: "chat.completion",
    created: 1,
    model: "test-model",
    choices: [
      {
        index: 0,
        message: {
          role: "assistant",
          content: turn.content ?? null,
          ...(turn.toolCalls?.length
            ? {
                tool_calls: turn.toolCalls.map((c) => ({
                  id: c.id,
                  type: "function",
                  function: { name: c.name, arguments: c.arguments },
                })),
              }
            : {}),
        },
        finish_reason: turn.finish ?? (turn.toolCalls?.length ? "tool_calls" : "stop"),
      },
    ],
    usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
  };
}

/** The same turn as SSE: content in two halves, each tool call's arguments in two deltas. */
export function sseFor(turn: Turn): string {
  const events: string[] = [];
  const text = turn.content ?? "";
  if (text) {
    const half = Math.ceil(text.length / 2);
    events.push(
      sse(chunk({ role: "assistant", content: text.slice(0, half) })),
      sse(chunk({ content: text.slice(half) })),
    );
  }
  (turn.toolCalls ?? []).forEach((call, index) => {
    const half = Math.ceil(call.arguments.length / 2);
    events.push(
      sse(
        chunk({
          tool_calls: [
            {
              index,
              id: call.id,
              type: "function",
              function: { name: call.name, arguments: call.arguments.slice(0, half) },
            },
          ],
        }),
      ),
      sse(chunk({ tool_calls: [{ index, type: "function", function: { arguments: call.arguments.slice(half) } }] })),
    );
  });
  const finish = turn.finish ?? (turn.toolCalls?.length ? "tool_calls" : "stop");
  events.push(sse({ ...chunk({}), choices: [{ index: 0, delta: {}, finish_reason: finish }] }), "data: [DONE]\n\n");
  return events.join("");
}

/**
 * A local chat server answering the n-th request with the n-th scripted turn (the last one
 * repeats), as JSON or as SSE when the request asks to stream. From request `hangFrom` on
 * (1-based) it never answers.
 */
export async function startChatServer(
  turns: Turn[],
  { hangFrom = Number.POSITIVE_INFINITY }: { hangFrom?: number } = {},
): Promise<FaultServer & { bodies(): Record<string, unknown>[] }> {
  const server = await startFaultServer(async (_req, res, { attempt, body }) => {
    if (attempt >= hangFrom) return;
    const turn = turns[Math.min(attempt, turns.length) - 1] as Turn;
    if ((JSON.parse(body) as { stream?: boolean }).stream) {
      res.writeHead(200, { "content-type": "text/event-stream" });
      await writeChunks(res, [sseFor(turn)], 1);
    } else {
      res.writeHead(200, { "content-type": "application/json" });
      res.write(JSON.stringify(completionFor(turn)));
    }
    res.end();
  });
  return { ...server, bodies: () => server.requests.map((r) => JSON.parse(r.body) as Record<string, unknown>) };
}
