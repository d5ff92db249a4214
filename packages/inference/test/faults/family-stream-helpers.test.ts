import { type FaultServer, startFaultServer, writeChunks } from "@friendli-ts/test-kit";
import { afterEach, describe, expect, it } from "vitest";
import { createFriendliInference, rebuildStream } from "../../src/index.ts";
import { chunk, splitEvery, sse } from "../support/sse.ts";

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function serve(body: string) {
  server = await startFaultServer(async (_req, res) => {
    res.writeHead(200, { "content-type": "text/event-stream" });
    await writeChunks(res, splitEvery(body, 9), 1);
    res.end();
  });
  return createFriendliInference({ baseURL: server.url, token: "test-token", maxRetries: 0 });
}

const messages = [{ role: "user" as const, content: "Hi" }];
const toolStatus = (status: string) => ({
  tool_call_id: "call_1",
  name: "math:calculator",
  status,
  parameters: [{ name: "expression", value: "2+2" }],
  result: status === "ENDED" ? '{"result":"4"}' : null,
  timestamp: 1,
});

describe("stream helpers of the other families", () => {
  it("tool-assisted chat: unnamed token events become `token`, statuses are collected apart", async () => {
    const inference = await serve(
      [
        sse(toolStatus("STARTED"), "tool_status"),
        sse(toolStatus("ENDED"), "tool_status"),
        sse(chunk({ role: "assistant", content: "It is" })),
        sse(chunk({ content: " 4." })),
        sse({ ...chunk({}), choices: [{ index: 0, delta: {}, finish_reason: "stop" }] }),
        "data: [DONE]\n\n",
      ].join(""),
    );
    const stream = await inference.serverless.toolAssistedChat.stream({ model: "m", messages });
    const [events, whole] = stream.tee();
    const names: string[] = [];
    for await (const event of events) names.push(event.event);
    const final = await whole.finalResult();
    expect(names).toEqual(["tool_status", "tool_status", "token", "token", "token"]);
    expect(final.choices[0]?.message.content).toBe("It is 4.");
    expect(final.toolStatuses.map((s) => s.status)).toEqual(["STARTED", "ENDED"]);
  });

  it("tool-assisted chat: a failed tool run (its status carries an error) is a status, not a stream error", async () => {
    const failed = { ...toolStatus("ERRORED"), error: { type: "UNKNOWN", msg: "tool down" } };
    const inference = await serve(
      [sse(failed, "tool_status"), sse(chunk({ role: "assistant", content: "Sorry." })), "data: [DONE]\n\n"].join(""),
    );
    const stream = await inference.serverless.toolAssistedChat.stream({ model: "m", messages });
    const final = await stream.finalResult();
    expect(final.toolStatuses.map((s) => s.error?.msg)).toEqual(["tool down"]);
    expect(final.choices[0]?.message.content).toBe("Sorry.");
    // An error of the stream itself still ends it as one.
    const broken = await serve([sse({ error: { message: "overloaded" } }), "data: [DONE]\n\n"].join(""));
    const failing = await broken.serverless.toolAssistedChat.stream({ model: "m", messages });
    await expect(failing.finalResult()).rejects.toThrow(/overloaded/);
  });

  it("responses: text deltas, reasoning deltas, and the final event's response", async () => {
    const response = (status: string) => ({ id: "resp_1", object: "response", created_at: 1, status, output: [] });
    const inference = await serve(
      [
        sse({ type: "response.created", response: response("in_progress"), sequence_number: 0 }, "response.created"),
        sse(
          {
            type: "response.reasoning_text.delta",
            item_id: "r",
            output_index: 0,
            content_index: 0,
            delta: "Think",
            sequence_number: 1,
          },
          "response.reasoning_text.delta",
        ),
        sse(
          {
            type: "response.output_text.delta",
            item_id: "m",
            output_index: 1,
            content_index: 0,
            delta: "Hello",
            sequence_number: 2,
          },
          "response.output_text.delta",
        ),
        sse({ type: "response.completed", response: response("completed"), sequence_number: 3 }, "response.completed"),
      ].join(""),
    );
    const [a, b] = (await inference.dedicated.responses.stream({ model: "ep", input: "Hi" })).tee();
    const [c, d] = b.tee();
    expect(await a.finalText()).toBe("Hello");
    const reasoning: string[] = [];
    for await (const piece of c.reasoningDeltas()) reasoning.push(piece);
    expect(reasoning).toEqual(["Think"]);
    expect((await d.finalResult()).status).toBe("completed");
  });

  it("messages: text, thinking and a tool_use block whose JSON input arrives in pieces", async () => {
    const inference = await serve(
      [
        sse({
          type: "message_start",
          message: {
            id: "msg_1",
            type: "message",
            role: "assistant",
            content: [],
            usage: { input_tokens: 5, output_tokens: 0 },
          },
        }),
        sse({ type: "content_block_start", index: 0, content_block: { type: "thinking", thinking: "" } }),
        sse({ type: "content_block_delta", index: 0, delta: { type: "thinking_delta", thinking: "Look it up." } }),
        sse({ type: "content_block_delta", index: 0, delta: { type: "signature_delta", signature: "sig" } }),
        sse({ type: "content_block_stop", index: 0 }),
        sse({ type: "content_block_start", index: 1, content_block: { type: "text", text: "" } }),
        sse({ type: "content_block_delta", index: 1, delta: { type: "text_delta", text: "Checking" } }),
        sse({ type: "content_block_stop", index: 1 }),
        sse({
          type: "content_block_start",
          index: 2,
          content_block: { type: "tool_use", id: "tu_1", name: "get_weather", input: {} },
        }),
        sse({ type: "content_block_delta", index: 2, delta: { type: "input_json_delta", partial_json: '{"city"' } }),
        sse({ type: "content_block_delta", index: 2, delta: { type: "input_json_delta", partial_json: ':"Oslo"}' } }),
        sse({ type: "content_block_stop", index: 2 }),
        sse({ type: "message_delta", delta: { stop_reason: "tool_use" }, usage: { output_tokens: 9 } }),
        sse({ type: "message_stop" }, "message_stop"),
      ].join(""),
    );
    const stream = await inference.container.messages.stream({ max_tokens: 64, messages });
    const final = await stream.finalResult();
    expect(final.content).toEqual([
      { type: "thinking", thinking: "Look it up.", signature: "sig" },
      { type: "text", text: "Checking" },
      { type: "tool_use", id: "tu_1", name: "get_weather", input: { city: "Oslo" } },
    ]);
    expect(final.stop_reason).toBe("tool_use");
    expect(final.usage).toEqual({ input_tokens: 5, output_tokens: 9 });
  });

  it("transcriptions: deltas through an NDJSON round trip", async () => {
    const inference = await serve(
      [
        sse({ type: "transcript.text.delta", delta: "Good" }),
        sse({ type: "transcript.text.delta", delta: " morning" }),
        sse({ type: "transcript.text.done", text: "Good morning" }),
        "data: [DONE]\n\n",
      ].join(""),
    );
    const stream = await inference.serverless.audio.transcriptions.stream({
      model: "whisper",
      file: new Uint8Array([1, 2, 3]),
    });
    const rebuilt = rebuildStream("transcriptions", stream.toReadableStream());
    expect(await rebuilt.finalResult()).toEqual({ text: "Good morning", usage: null });
  });

  it("completions: text per choice with the finish reason", async () => {
    const piece = (index: number, text: string, finish: string | null = null) => ({
      id: "cmpl-1",
      object: "text_completion",
      created: 1,
      choices: [{ index, text, finish_reason: finish }],
    });
    const inference = await serve(
      [
        sse(piece(0, "Once")),
        sse(piece(1, "Twice")),
        sse(piece(0, " upon", "length")),
        sse(piece(1, "", "stop")),
        "data: [DONE]\n\n",
      ].join(""),
    );
    const stream = await inference.dedicated.completions.stream({ model: "ep", prompt: "x", n: 2 });
    const final = await stream.finalResult();
    expect(final.choices).toEqual([
      { index: 0, text: "Once upon", finish_reason: "length" },
      { index: 1, text: "Twice", finish_reason: "stop" },
    ]);
  });
});
