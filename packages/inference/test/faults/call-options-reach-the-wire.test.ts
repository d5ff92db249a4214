import { APITimeoutError, APIUserAbortError, type CallOptions } from "@friendli-ts/client";
import { recordSentRequests } from "@friendli-ts/test-kit";
import { afterEach, describe, expect, it } from "vitest";
import { z } from "zod";
import { createFriendliInference, functionTool } from "../../src/index.ts";
import { startChatServer, type Turn } from "../support/chat-server.ts";

// Every method, helpers included, hands the caller's options to each HTTP call it makes.

type Server = Awaited<ReturnType<typeof startChatServer>>;
let server: Server | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

async function serve(turns: Turn[], options?: { hangFrom?: number }) {
  server = await startChatServer(turns, options);
  // Requests counted as they leave: with a 50 ms timeout on a busy machine the client may
  // give up before the server has read one, so the server's count can be short.
  const { fetch, sent } = recordSentRequests();
  // Client-wide values the per-call ones must override: a lost one shows as the wrong
  // timeout in the message or as retried requests.
  const inference = createFriendliInference({
    baseURL: server.url,
    token: "test-token",
    maxRetries: 2,
    timeout: 2_000,
    fetch,
  });
  return { server, inference, sent };
}

const messages = [{ role: "user" as const, content: "Weather in Oslo?" }];
const body = { model: "m", messages };
const Answer = z.object({ city: z.string() });
const weather = functionTool({
  name: "get_weather",
  parameters: z.object({ city: z.string() }),
  run: ({ city }) => ({ city, celsius: 3 }),
});
const toolTurn: Turn = { toolCalls: [{ id: "c1", name: "get_weather", arguments: '{"city":"Oslo"}' }] };
const answerTurn: Turn = { content: '{"city":"Oslo"}' };

const call = { teamId: "team-7", headers: { "x-trace": "t1" } } satisfies CallOptions;

function expectCallOptionsOnEvery(requests: Server["requests"], count: number) {
  expect(requests).toHaveLength(count);
  for (const request of requests) {
    expect(request.headers["x-trace"]).toBe("t1");
    expect(request.headers["x-friendli-team"]).toBe("team-7");
  }
}

describe("a per-call header and team reach the wire", () => {
  it("complete", async () => {
    const { server, inference } = await serve([answerTurn]);
    await inference.serverless.chat.complete(body, call);
    expectCallOptionsOnEvery(server.requests, 1);
  });

  it("stream", async () => {
    const { server, inference } = await serve([answerTurn]);
    const stream = await inference.dedicated.chat.stream(body, call);
    expect(await stream.finalText()).toBe('{"city":"Oslo"}');
    expectCallOptionsOnEvery(server.requests, 1);
    expect(server.requests[0]?.headers.accept).toBe("text/event-stream");
  });

  it("parse", async () => {
    const { server, inference } = await serve([answerTurn]);
    const { parsed } = await inference.serverless.chat.parse(body, Answer, call);
    expect(parsed.city).toBe("Oslo");
    expectCallOptionsOnEvery(server.requests, 1);
  });

  it("every model call of runTools", async () => {
    const { server, inference } = await serve([toolTurn, answerTurn]);
    const seen: (string | null)[] = [];
    const result = await inference.serverless.chat.runTools(body, {
      tools: [weather],
      ...call,
      onResponse: (response) => seen.push(response.headers.get("content-type")),
    });
    expect(result.steps).toBe(2);
    expectCallOptionsOnEvery(server.requests, 2);
    expect(seen).toEqual(["application/json", "application/json"]);
  });

  it("every model call of a streaming runTools", async () => {
    const { server, inference } = await serve([toolTurn, answerTurn]);
    const seen: (string | null)[] = [];
    const result = await inference.dedicated.chat.runTools(body, {
      tools: [weather],
      stream: true,
      ...call,
      onResponse: (response) => seen.push(response.headers.get("content-type")),
    });
    expect(result.content).toBe('{"city":"Oslo"}');
    expectCallOptionsOnEvery(server.requests, 2);
    expect(seen).toEqual(["text/event-stream", "text/event-stream"]);
  });
});

describe("a per-call timeout and retry count reach the wire", () => {
  // The server never answers, so only the per-call timeout ends the call; with the
  // per-call `maxRetries: 0` it is tried once although the client retries twice.
  const quick = { timeout: 50, maxRetries: 0, headers: { "x-trace": "t1" } } satisfies CallOptions;

  // runTools's first model call is answered, so its timeout must leave room for the answer
  // on a busy machine; only the second call hangs.
  const answered = { ...quick, timeout: 1_000 } satisfies CallOptions;

  async function expectTimedOut(promise: Promise<unknown>, ms = 50) {
    const error = await promise.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(APITimeoutError);
    expect((error as Error).message).toMatch(new RegExp(`after ${ms} ms`));
  }

  it("complete", async () => {
    const { sent, inference } = await serve([answerTurn], { hangFrom: 1 });
    await expectTimedOut(inference.serverless.chat.complete(body, quick));
    expect(sent).toHaveLength(1);
  });

  it("stream (to the headers)", async () => {
    const { sent, inference } = await serve([answerTurn], { hangFrom: 1 });
    await expectTimedOut(inference.container.chat.stream({ messages }, quick));
    expect(sent).toHaveLength(1);
  });

  it("parse", async () => {
    const { sent, inference } = await serve([answerTurn], { hangFrom: 1 });
    await expectTimedOut(inference.serverless.chat.parse(body, Answer, quick));
    expect(sent).toHaveLength(1);
  });

  it("runTools: the second model call gets it too", async () => {
    const { sent, inference } = await serve([toolTurn], { hangFrom: 2 });
    await expectTimedOut(inference.serverless.chat.runTools(body, { tools: [weather], ...answered }), 1_000);
    expect(sent).toHaveLength(2);
    expect(sent[1]?.headers.get("x-trace")).toBe("t1");
  });

  it("a streaming runTools: the second model call gets it too", async () => {
    const { sent, inference } = await serve([toolTurn], { hangFrom: 2 });
    await expectTimedOut(
      inference.dedicated.chat.runTools(body, { tools: [weather], stream: true, ...answered }),
      1_000,
    );
    expect(sent).toHaveLength(2);
  });

  it("runTools: its signal aborts the model call in flight", async () => {
    const { server, inference } = await serve([toolTurn], { hangFrom: 2 });
    const abort = new AbortController();
    const outcome = inference.serverless.chat
      .runTools(body, { tools: [weather], signal: abort.signal })
      .catch((e: unknown) => e);
    await expect.poll(() => server.requests.length).toBe(2);
    abort.abort();
    expect(await outcome).toBeInstanceOf(APIUserAbortError);
  });
});
