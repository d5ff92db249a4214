import {
  APICallError,
  InvalidArgumentError,
  type LanguageModelV4CallOptions,
  type LanguageModelV4StreamPart,
  TypeValidationError,
} from "@ai-sdk/provider";
import { APITimeoutError } from "@friendli-ts/inference";
import { findSecret, serveFaults, writeForever } from "@friendli-ts/test-kit";
import { generateText, stepCountIs, streamText, tool } from "ai";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { MAX_BUILT_IN_CALLS } from "../../src/built-in-tool-calls.ts";
import {
  chunk,
  completion,
  json,
  localProvider,
  sentBody,
  sse,
  stream,
  TOKEN,
  usageChunk,
} from "../support/friendli-server.ts";

const serve = serveFaults();

/** What a call rejected with, or undefined. */
const failure = (promise: PromiseLike<unknown>) =>
  Promise.resolve(promise).then(
    () => undefined,
    (e: unknown) => e,
  );
const DONE = "data: [DONE]\n\n";

type Status = "STARTED" | "UPDATING" | "ENDED" | "ERRORED";

/** One `tool_status` event of tool-assisted chat. */
function status(state: Status, fields: Record<string, unknown> = {}): string {
  const data = {
    tool_call_id: "run-1",
    name: "web:search",
    status: state,
    parameters: [{ name: "query", value: "weather in Seoul" }],
    result: state === "ENDED" ? '{"results": ["sunny"]}' : null,
    files: null,
    message: null,
    error: null,
    usage: null,
    timestamp: 1,
    ...fields,
  };
  return `event: tool_status\n${sse(data)}`;
}

const answer = [
  chunk({ role: "assistant", content: "It is " }),
  chunk({ content: "sunny." }, "stop"),
  usageChunk(9, 3),
];

const call = (tools: LanguageModelV4CallOptions["tools"]): LanguageModelV4CallOptions => ({
  prompt: [{ role: "user", content: [{ type: "text", text: "Weather in Seoul?" }] }],
  tools,
});

async function partsOf(stream: ReadableStream<LanguageModelV4StreamPart>) {
  const all: LanguageModelV4StreamPart[] = [];
  for await (const part of stream) all.push(part);
  return all;
}

describe("Friendli's built-in tools, through tool-assisted chat", () => {
  it("streamText: sent to tool-assisted chat beside a function tool; the run comes back as provider-executed call and result", async () => {
    const server = await serve((_req, res) => stream(res, [status("STARTED"), status("ENDED"), ...answer, DONE]));
    const friendli = localProvider(server);
    const result = streamText({
      model: friendli("m"),
      prompt: "Weather in Seoul?",
      tools: {
        search: friendli.tools.webSearch(),
        calc: friendli.tools.mathCalculator(),
        lookup: tool({ inputSchema: z.object({ q: z.string() }) }),
      },
    });
    const parts = [];
    for await (const part of result.fullStream) parts.push(part);
    expect(server.requests[0]?.path).toBe("/serverless/tools/v1/chat/completions");
    expect(sentBody(server).tools).toEqual([
      { type: "web:search" },
      { type: "math:calculator" },
      { type: "function", function: expect.objectContaining({ name: "lookup" }) },
    ]);
    const toolCall = parts.find((p) => p.type === "tool-call");
    expect(toolCall).toMatchObject({
      toolCallId: "run-1",
      toolName: "search",
      input: { query: "weather in Seoul" },
      providerExecuted: true,
    });
    const toolResult = parts.find((p) => p.type === "tool-result");
    expect(toolResult).toMatchObject({ toolCallId: "run-1", toolName: "search", output: '{"results": ["sunny"]}' });
    expect(await result.text).toBe("It is sunny.");
    expect(await result.finishReason).toBe("stop");
    expect((await result.usage).inputTokens).toBe(9);
  });

  it("generateText: the same run read from the stream, as content parts in the order they came", async () => {
    const server = await serve((_req, res) => stream(res, [status("STARTED"), status("ENDED"), ...answer, DONE]));
    const friendli = localProvider(server);
    const result = await generateText({
      model: friendli("m"),
      prompt: "Weather in Seoul?",
      tools: { search: friendli.tools.webSearch() },
    });
    expect(server.requests[0]?.headers.accept).toBe("text/event-stream");
    expect(result.content.map((part) => part.type)).toEqual(["tool-call", "tool-result", "text"]);
    expect(result.toolCalls[0]).toMatchObject({ toolName: "search", providerExecuted: true });
    expect(result.toolResults[0]).toMatchObject({ toolName: "search", output: '{"results": ["sunny"]}' });
    expect(result.text).toBe("It is sunny.");
    expect(result.usage.outputTokens).toBe(3);
    expect(result.providerMetadata?.friendli?.requestId).toBe("req-stream");
  });

  it("a failed run is an error result; a run reported twice, or ended without a start, is one call and one result", async () => {
    const server = await serve((_req, res) =>
      stream(res, [
        status("STARTED"),
        status("UPDATING"),
        status("ERRORED", { error: { type: "UNKNOWN", msg: "search is down" } }),
        status("ERRORED", { error: { type: "UNKNOWN", msg: "again" } }),
        status("ENDED", { tool_call_id: "run-2", name: "math:calculator", result: "42" }),
        status("ENDED", { tool_call_id: "run-2", name: "math:calculator", result: "43" }),
        ...answer,
        DONE,
      ]),
    );
    const friendli = localProvider(server);
    const model = friendli("m");
    const { stream: parts } = await model.doStream(
      call([
        { type: "provider", id: "friendli.web:search", name: "search", args: {} },
        { type: "provider", id: "friendli.math:calculator", name: "calc", args: {} },
      ]),
    );
    const tools = (await partsOf(parts)).filter((p) => p.type === "tool-call" || p.type === "tool-result");
    expect(tools).toEqual([
      expect.objectContaining({ type: "tool-call", toolCallId: "run-1", toolName: "search", providerExecuted: true }),
      { type: "tool-result", toolCallId: "run-1", toolName: "search", result: "search is down", isError: true },
      expect.objectContaining({ type: "tool-call", toolCallId: "run-2", toolName: "calc", input: expect.any(String) }),
      { type: "tool-result", toolCallId: "run-2", toolName: "calc", result: "42" },
    ]);
  });

  it("text before a run is closed before its call; the answer after it is a new text block", async () => {
    const server = await serve((_req, res) =>
      stream(res, [chunk({ content: "Let me look." }), status("STARTED"), status("ENDED"), ...answer, DONE]),
    );
    const { stream: parts } = await localProvider(server)("m").doStream(
      call([{ type: "provider", id: "friendli.web:search", name: "search", args: {} }]),
    );
    const order = (await partsOf(parts))
      .filter((p) => p.type.startsWith("text-") || p.type === "tool-call")
      .map((p) => ("id" in p ? `${p.type} ${p.id}` : p.type));
    expect(order.filter((p) => !p.startsWith("text-delta"))).toEqual([
      "text-start text-0",
      "text-end text-0",
      "tool-call",
      "text-start text-1",
      "text-end text-1",
    ]);
  });

  it("a built-in tool cannot be forced: toolChoice naming it asks for any tool, with a warning", async () => {
    const server = await serve((_req, res) => stream(res, [...answer, DONE]));
    const result = await localProvider(server)("m").doGenerate({
      ...call([{ type: "provider", id: "friendli.web:search", name: "search", args: {} }]),
      toolChoice: { type: "tool", toolName: "search" },
    });
    expect(sentBody(server).tool_choice).toBe("required");
    expect(result.warnings).toEqual([expect.objectContaining({ feature: "toolChoice search" })]);
  });

  it("a run of a tool the request did not give is a dynamic call; a run without an id gets one", async () => {
    const server = await serve((_req, res) =>
      stream(res, [
        status("STARTED", { name: "code:python-interpreter", tool_call_id: null }),
        status("ENDED", { name: "code:python-interpreter", tool_call_id: null, result: "ok" }),
        ...answer,
        DONE,
      ]),
    );
    const { stream: parts } = await localProvider(server)("m").doStream(
      call([{ type: "provider", id: "friendli.web:search", name: "search", args: {} }]),
    );
    const tools = (await partsOf(parts)).filter((p) => p.type === "tool-call" || p.type === "tool-result");
    expect(tools).toHaveLength(2);
    expect(tools[0]).toMatchObject({ toolName: "code:python-interpreter", dynamic: true, providerExecuted: true });
    expect(tools[1]).toMatchObject({ toolName: "code:python-interpreter", dynamic: true, result: "ok" });
    expect((tools[0] as { toolCallId: string }).toolCallId).not.toBe("");
    expect((tools[1] as { toolCallId: string }).toolCallId).toBe((tools[0] as { toolCallId: string }).toolCallId);
  });

  it("in a loop, the next step sends back the user's tool call and its result, not Friendli's own runs", async () => {
    let step = 0;
    const server = await serve((_req, res) => {
      step++;
      if (step === 1) {
        return stream(res, [
          status("STARTED"),
          status("ENDED"),
          chunk({ tool_calls: [{ index: 0, id: "call-9", function: { name: "lookup", arguments: '{"q":"x"}' } }] }),
          chunk({}, "tool_calls"),
          DONE,
        ]);
      }
      return stream(res, [...answer, DONE]);
    });
    const friendli = localProvider(server);
    const result = await generateText({
      model: friendli("m"),
      prompt: "?",
      tools: {
        search: friendli.tools.webSearch(),
        lookup: tool({ inputSchema: z.object({ q: z.string() }), execute: async () => "looked up" }),
      },
      stopWhen: stepCountIs(2),
    });
    expect(result.text).toBe("It is sunny.");
    const messages = sentBody(server, 2).messages as { role: string; tool_calls?: { id: string }[] }[];
    expect(messages.map((m) => m.role)).toEqual(["user", "assistant", "tool"]);
    expect(messages[1]?.tool_calls?.map((c) => c.id)).toEqual(["call-9"]);
  });

  it("elsewhere than serverless a built-in tool is left out with a warning; fields tool-assisted chat lacks too", async () => {
    const server = await serve((_req, res) => json(res, completion({ content: "ok" })));
    const friendli = localProvider(server);
    const { warnings } = await friendli.dedicated("ep-1").doGenerate({
      ...call([{ type: "provider", id: "friendli.web:search", name: "search", args: {} }]),
    });
    expect(server.requests[0]?.path).toBe("/dedicated/v1/chat/completions");
    expect(sentBody(server)).not.toHaveProperty("tools");
    expect(warnings).toEqual([
      expect.objectContaining({ type: "unsupported", details: expect.stringMatching(/serverless only/) }),
    ]);

    const tools = await serve((_req, res) => stream(res, [...answer, DONE]));
    const result = await localProvider(tools)("m").doGenerate({
      ...call([{ type: "provider", id: "friendli.web:search", name: "search", args: {} }]),
      responseFormat: { type: "json" },
      providerOptions: { friendli: { minTokens: 3, resumeGeneration: true } },
    });
    expect(sentBody(tools)).not.toHaveProperty("min_tokens");
    expect(sentBody(tools)).not.toHaveProperty("response_format");
    expect(sentBody(tools)).toMatchObject({ resume_generation: true });
    expect(result.warnings.map((w) => (w as { feature: string }).feature).sort()).toEqual([
      "min_tokens",
      "responseFormat",
    ]);
  });

  it("resumeGeneration without a built-in tool is left out with a warning (plain chat has no such field)", async () => {
    const server = await serve((_req, res) => json(res, completion({ content: "ok" })));
    const result = await localProvider(server)("m").doGenerate({
      ...call(undefined),
      providerOptions: { friendli: { resumeGeneration: true } },
    });
    expect(server.requests[0]?.path).toBe("/serverless/v1/chat/completions");
    expect(sentBody(server)).not.toHaveProperty("resume_generation");
    expect(result.warnings).toEqual([expect.objectContaining({ feature: "resumeGeneration" })]);
  });

  it("bad built-in tool settings are refused before the network", async () => {
    const server = await serve((_req, res) => json(res, completion({ content: "ok" })));
    const model = localProvider(server)("m");
    for (const tools of [
      [{ type: "provider" as const, id: "friendli.file:text" as const, name: "file", args: {} }],
      [{ type: "provider" as const, id: "friendli.file:text" as const, name: "file", args: { files: [1] } }],
      [
        { type: "provider" as const, id: "friendli.web:search" as const, name: "a", args: {} },
        { type: "provider" as const, id: "friendli.web:search" as const, name: "b", args: {} },
      ],
    ]) {
      const error = await failure(model.doGenerate(call(tools)));
      expect(InvalidArgumentError.isInstance(error), String(error)).toBe(true);
    }
    expect(server.requests).toHaveLength(0);
    const fileTool = localProvider(server).tools.fileText({ files: ["file-1"] });
    expect(fileTool).toMatchObject({ type: "provider", id: "friendli.file:text", args: { files: ["file-1"] } });
  });
});

describe("tool-assisted chat against a server that misbehaves", () => {
  const searchOnly = call([{ type: "provider", id: "friendli.web:search", name: "search", args: {} }]);

  it("a tool status of the wrong shape ends the stream with a TypeValidationError, and generateText throws it", async () => {
    const server = await serve((_req, res) => stream(res, [status("STARTED", { parameters: "q=1" }), ...answer, DONE]));
    const model = localProvider(server)("m");
    const parts = await partsOf((await model.doStream(searchOnly)).stream);
    const error = parts.find((p) => p.type === "error");
    expect(TypeValidationError.isInstance((error as { error: unknown }).error)).toBe(true);
    expect(await failure(model.doGenerate(searchOnly))).toBeInstanceOf(TypeValidationError);
  });

  it("a flood of tool runs past the cap is refused as an APICallError", async () => {
    const server = await serve(async (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      let n = 0;
      while (!res.destroyed && n <= MAX_BUILT_IN_CALLS + 10) {
        await new Promise<void>((resolve) =>
          res.write(status("STARTED", { tool_call_id: `run-${n++}` }), () => resolve()),
        );
      }
      await writeForever(res, ": keep-alive\n\n");
    });
    const error = await failure(localProvider(server)("m").doGenerate(searchOnly));
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(new RegExp(`more than ${MAX_BUILT_IN_CALLS}`));
  });

  it("a stream that stalls after a tool run ends with a timeout after idleTimeout", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(status("STARTED"));
      // and then nothing, without closing
    });
    const error = await failure(localProvider(server, { idleTimeout: 300 })("m").doGenerate(searchOnly));
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as Error).cause).toBeInstanceOf(APITimeoutError);
  });

  it("a server that echoes the token into tool ids, parameters and results: redacted everywhere", async () => {
    const server = await serve((req, res) => {
      const echo = String(req.headers.authorization);
      return stream(res, [
        status("STARTED", { tool_call_id: echo, parameters: [{ name: echo, value: echo }] }),
        status("ENDED", { tool_call_id: echo, result: echo }),
        status("ERRORED", { tool_call_id: "run-3", error: { msg: echo } }),
        ...answer,
        DONE,
      ]);
    });
    const result = await localProvider(server)("m").doGenerate(searchOnly);
    const shown = JSON.stringify(result);
    expect(shown).toContain("[redacted]");
    expect(findSecret(shown, TOKEN)).toBeUndefined();
  });
});
