import { Stream as OpenAIStream } from "openai/core/streaming";
import { bench, describe } from "vitest";
import { Stream } from "../src/index.ts";

// Parsing speed of a long chat stream, ours against openai-node's, in the same run.
// The body is cut into 1 KiB pieces, as a network would deliver it.
const events = 5_000;
const chunk = (i: number) =>
  `data: ${JSON.stringify({
    id: "chatcmpl-bench",
    object: "chat.completion.chunk",
    created: 1,
    model: "m",
    choices: [{ index: 0, delta: { content: `token ${i} é🌍` }, finish_reason: null }],
  })}\n\n`;
const bytes = new TextEncoder().encode(
  `${Array.from({ length: events }, (_, i) => chunk(i)).join("")}data: [DONE]\n\n`,
);
const pieces = Array.from({ length: Math.ceil(bytes.length / 1024) }, (_, i) => bytes.slice(i * 1024, (i + 1) * 1024));

function response(): Response {
  let i = 0;
  const body = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (i < pieces.length) controller.enqueue(pieces[i++] as Uint8Array);
      else controller.close();
    },
  });
  return new Response(body, { headers: { "content-type": "text/event-stream" } });
}

async function drain(stream: AsyncIterable<unknown>) {
  let n = 0;
  for await (const _ of stream) n++;
  if (n !== events) throw new Error(`expected ${events} events, got ${n}`);
}

describe(`SSE: ${events} chat chunks (${(bytes.length / 1024).toFixed(0)} KiB)`, () => {
  bench("friendli-ts Stream", async () => {
    await drain(Stream.fromSSEResponse(response(), new AbortController(), { endRule: () => true }));
  });
  bench("openai-node Stream", async () => {
    await drain(OpenAIStream.fromSSEResponse(response(), new AbortController()));
  });
});
