// The local SSE chat the runtime tests (a browser, workerd, Bun and Deno) stream from, and the
// script each runtime runs to read it: written once, inserted into each page or worker.
import type { ServerResponse } from "node:http";

/** One SSE chat chunk carrying `content`. */
export const sseChunk = (content: string) =>
  `data: ${JSON.stringify({ id: "c", object: "chat.completion.chunk", created: 1, choices: [{ index: 0, delta: { content } }] })}\n\n`;

/** Answers with `pieces` (SSE text) and `[DONE]`, a few ms apart, so each is its own write. */
export async function writeChatStream(res: ServerResponse, pieces: string[]): Promise<void> {
  res.writeHead(200, { "content-type": "text/event-stream" });
  for (const piece of [...pieces, "data: [DONE]\n\n"]) {
    res.write(piece);
    await new Promise((r) => setTimeout(r, 5));
  }
  res.end();
}

/** Source of `async function readChatText(client)`: streams a chat from `client`, returns its text. */
export const readChatText = `
async function readChatText(client) {
  const stream = await client.stream("/serverless/v1/chat/completions#stream", {
    body: { model: "m", messages: [{ role: "user", content: "hi" }] },
  });
  let text = "";
  for await (const { data } of stream) text += data.choices[0]?.delta.content ?? "";
  return text;
}
`;
