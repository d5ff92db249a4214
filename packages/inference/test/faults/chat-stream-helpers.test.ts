import { APIUserAbortError, StreamEventError, StreamInterruptedError } from "@friendli-ts/client";
import { type FaultServer, startFaultServer, writeChunks } from "@friendli-ts/test-kit";
import { afterEach, describe, expect, it } from "vitest";
import { createFriendliInference, rebuildStream } from "../../src/index.ts";
import { chunk, splitEvery, sse } from "../support/sse.ts";

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const messages = [{ role: "user" as const, content: "Weather in Paris and Rome?" }];

/** A stream with reasoning, text, two tool calls whose deltas interleave, a finish, then usage alone. */
const toolCallStream = [
  sse(chunk({ role: "assistant", reasoning_content: "The user wants " })),
  sse(chunk({ reasoning_content: "two cities." })),
  sse(chunk({ content: "Let me check" })),
  sse(chunk({ content: " both." })),
  sse(
    chunk({
      tool_calls: [{ index: 0, id: "call_a", type: "function", function: { name: "get_weather", arguments: "" } }],
    }),
  ),
  sse(chunk({ tool_calls: [{ index: 0, type: "function", function: { arguments: '{"city":' } }] })),
  sse(
    chunk({
      tool_calls: [{ index: 1, id: "call_b", type: "function", function: { name: "get_weather", arguments: '{"ci' } }],
    }),
  ),
  sse(chunk({ tool_calls: [{ index: 0, type: "function", function: { arguments: '"Paris"}' } }] })),
  sse(chunk({ tool_calls: [{ index: 1, type: "function", function: { arguments: 'ty":"Rome"}' } }] })),
  sse({ ...chunk({}), choices: [{ index: 0, delta: {}, finish_reason: "tool_calls" }] }),
  sse({ ...chunk({}), choices: [], usage: { prompt_tokens: 20, completion_tokens: 30, total_tokens: 50 } }),
  "data: [DONE]\n\n",
].join("");

async function serve(pieces: string[], then: "end" | "cut" | "hang" = "end", gapMs = 1): Promise<FaultServer> {
  server = await startFaultServer(async (_req, res) => {
    res.writeHead(200, { "content-type": "text/event-stream" });
    await writeChunks(res, pieces, gapMs);
    if (then === "end") res.end();
    else if (then === "cut") res.destroy();
  });
  return server;
}

function inferenceFor(url: string) {
  return createFriendliInference({ baseURL: url, token: "test-token", maxRetries: 0 });
}

describe("chat stream helpers over real SSE", () => {
  it("merges tool-call deltas split across chunks, keeps reasoning apart, takes the usage-only chunk", async () => {
    // 7-character writes split events, lines and JSON strings across network chunks.
    const { url } = await serve(splitEvery(toolCallStream, 7));
    const stream = await inferenceFor(url).serverless.chat.stream({ model: "m", messages });
    const final = await stream.finalResult();
    expect(final).toEqual({
      id: "chatcmpl-1",
      object: "chat.completion",
      created: 1,
      model: "test-model",
      choices: [
        {
          index: 0,
          finish_reason: "tool_calls",
          message: {
            role: "assistant",
            content: "Let me check both.",
            reasoning_content: "The user wants two cities.",
            tool_calls: [
              { id: "call_a", type: "function", function: { name: "get_weather", arguments: '{"city":"Paris"}' } },
              { id: "call_b", type: "function", function: { name: "get_weather", arguments: '{"city":"Rome"}' } },
            ],
          },
        },
      ],
      usage: { prompt_tokens: 20, completion_tokens: 30, total_tokens: 50 },
    });
  });

  it("gives the same result whatever the network cut: every 2 or 3 bytes, LF or CRLF line ends", async () => {
    const expected = await (async () => {
      const { url } = await serve([toolCallStream]);
      return (await inferenceFor(url).serverless.chat.stream({ model: "m", messages })).finalResult();
    })();
    for (const [size, body] of [
      [2, toolCallStream],
      [3, toolCallStream.replaceAll("\n", "\r\n")],
    ] as const) {
      await server?.stop();
      const { url } = await serve(splitEvery(body, size), "end", 0);
      const stream = await inferenceFor(url).serverless.chat.stream({ model: "m", messages });
      expect(await stream.finalResult(), `pieces of ${size}`).toEqual(expected);
    }
  });

  it("textDeltas() yields only the answer; reasoningDeltas() only the reasoning", async () => {
    const { url } = await serve([toolCallStream]);
    const chat = inferenceFor(url).dedicated.chat;
    const text: string[] = [];
    for await (const piece of (await chat.stream({ model: "ep", messages })).textDeltas()) text.push(piece);
    expect(text).toEqual(["Let me check", " both."]);

    const reasoning: string[] = [];
    for await (const piece of (await chat.stream({ model: "ep", messages })).reasoningDeltas()) reasoning.push(piece);
    expect(reasoning).toEqual(["The user wants ", "two cities."]);
  });

  it("an error event mid-stream throws StreamEventError after the text before it", async () => {
    const { url } = await serve([
      sse(chunk({ content: "Partial" })),
      sse({ error: { message: "model overloaded", type: "server_error" } }),
      "data: [DONE]\n\n",
    ]);
    const stream = await inferenceFor(url).serverless.chat.stream({ model: "m", messages });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const piece of stream.textDeltas()) seen.push(piece);
    })().catch((e: unknown) => e);
    expect(seen).toEqual(["Partial"]);
    expect(error).toBeInstanceOf(StreamEventError);
    expect((error as Error).message).toContain("model overloaded");
  });

  it("map() keeps the stream's own error (not an abort) for its reader", async () => {
    const { url } = await serve([sse(chunk({ content: "A" })), sse({ error: { message: "boom" } })]);
    const stream = await inferenceFor(url).serverless.chat.stream({ model: "m", messages });
    const ids = stream.map((c) => c.id);
    const error = await (async () => {
      for await (const _id of ids) {
        // read on
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamEventError);
  });

  it("a cut connection is StreamInterruptedError, not a short answer", async () => {
    const { url } = await serve([sse(chunk({ content: "Half an ans" }))], "cut");
    const stream = await inferenceFor(url).container.chat.stream({ messages });
    await expect(stream.finalResult()).rejects.toBeInstanceOf(StreamInterruptedError);
  });

  it("a stream that ends cleanly but without [DONE] is StreamInterruptedError too", async () => {
    const { url } = await serve([sse(chunk({ content: "Half" }))], "end");
    const stream = await inferenceFor(url).container.chat.stream({ messages });
    await expect(stream.finalText()).rejects.toBeInstanceOf(StreamInterruptedError);
  });

  it("toReadableStream() then rebuildStream() gives back the same chunks and final result", async () => {
    const { url } = await serve([toolCallStream]);
    const original = await inferenceFor(url).serverless.chat.stream({ model: "m", messages });
    // What a route handler would return, and what its client would read back.
    const response = new Response(original.toReadableStream(), { headers: { "content-type": "application/x-ndjson" } });
    const rebuilt = rebuildStream("chat", response.body as ReadableStream<Uint8Array>);
    const final = await rebuilt.finalResult();
    expect(final.choices[0]?.message.tool_calls?.map((c) => c.function.arguments)).toEqual([
      '{"city":"Paris"}',
      '{"city":"Rome"}',
    ]);
    expect(final.usage?.total_tokens).toBe(50);
  });

  it("tee() lets one branch print text while the other collects the result", async () => {
    const { url } = await serve(splitEvery(toolCallStream, 11));
    const stream = await inferenceFor(url).serverless.chat.stream({ model: "m", messages });
    const [forText, forResult] = stream.tee();
    const [text, final] = await Promise.all([forText.finalText(), forResult.finalResult()]);
    expect(text).toBe("Let me check both.");
    expect(final.choices[0]?.message.content).toBe(text);
  });

  it("break cancels the HTTP request", async () => {
    let closed = false;
    server = await startFaultServer(async (req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      req.socket.once("close", () => {
        closed = true;
      });
      // Writes forever until the client goes away.
      for (let i = 0; !res.destroyed && i < 1000; i++) await writeChunks(res, [sse(chunk({ content: `${i} ` }))], 5);
    });
    const stream = await inferenceFor(server.url).serverless.chat.stream({ model: "m", messages });
    for await (const _piece of stream.textDeltas()) break;
    expect(stream.controller.signal.aborted).toBe(true);
    await expect.poll(() => closed).toBe(true);
  });

  it("a user AbortSignal stops the stream with APIUserAbortError", async () => {
    const { url } = await serve([sse(chunk({ content: "Hello" }))], "hang");
    const abort = new AbortController();
    const stream = await inferenceFor(url).serverless.chat.stream({ model: "m", messages }, { signal: abort.signal });
    const reading = (async () => {
      for await (const _text of stream.textDeltas()) abort.abort(); // the server then goes quiet
    })();
    await expect(reading).rejects.toBeInstanceOf(APIUserAbortError);
  });
});
