import { serveFaults } from "@friendli-ts/test-kit";
import { describe, expect, it } from "vitest";
import { StreamInterruptedError } from "../../src/index.ts";
import { chatBody, faultClient } from "../support/fault-client.ts";

const serve = serveFaults();

/** A stream call whose answer is a 200 event stream with exactly `body`. */
async function streamOf(path: "chat" | "responses" | "messages", body: string) {
  const server = await serve((_req, res) => void res.writeHead(200, { "content-type": "text/event-stream" }).end(body));
  const client = faultClient(server.url, { maxRetries: 0 });
  const stream =
    path === "chat"
      ? await client.stream("/serverless/v1/chat/completions#stream", { body: chatBody })
      : path === "responses"
        ? await client.stream("/serverless/v1/responses#stream", { body: { model: "m", input: "Hi" } })
        : await client.stream("/serverless/v1/messages#stream", { body: { ...chatBody, max_tokens: 8 } });
  const seen: unknown[] = [];
  const error = await (async () => {
    for await (const event of stream) seen.push(event);
  })().catch((e: unknown) => e);
  return { error, seen };
}

describe("a stream that ends before any event is cut, not complete", () => {
  it.each([
    ["chat", ""],
    ["chat", ": keep-alive\n\n: still here\n\n"],
    ["chat", "\n\n\n"],
    ["responses", ""],
    ["messages", ": ping\n\n"],
  ] as const)("%s with the body %j is StreamInterruptedError", async (path, body) => {
    const { error, seen } = await streamOf(path, body);
    expect(seen).toEqual([]);
    expect(error).toBeInstanceOf(StreamInterruptedError);
  });

  it("the same stream with its final event is complete", async () => {
    const { error } = await streamOf("chat", "data: [DONE]\n\n");
    expect(error).toBeUndefined();
  });
});
