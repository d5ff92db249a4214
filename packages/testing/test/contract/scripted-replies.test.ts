import { createFriendliClient, NotFoundError, RateLimitError, ValidationError } from "@friendli-ts/client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
// The built entry, as a user installs it (its specs are the copies shipped in dist/).
import { MockReplyError, type MockServer, startMockServer } from "../../dist/index.js";

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer();
});
afterAll(() => mock?.stop());
beforeEach(() => mock.reset());

const client = () => createFriendliClient({ baseURL: mock.url, token: "test", maxRetries: 0 });
const messages = [{ role: "user" as const, content: "Hi" }];

/** A chat completion as the spec describes it, saying `content`. */
const chatAnswer = (content: string, finish_reason: "stop" | "length" | "tool_calls" = "stop") => ({
  id: "chatcmpl-1",
  object: "chat.completion" as const,
  created: 1_700_000_000,
  model: "m",
  choices: [{ index: 0, finish_reason, message: { role: "assistant", content } }],
  usage: { prompt_tokens: 3, completion_tokens: 2, total_tokens: 5 },
});
const chunk = (content: string | null, finish_reason: "stop" | null = null) => ({
  id: "chatcmpl-1",
  object: "chat.completion.chunk" as const,
  created: 1_700_000_000,
  model: "m",
  choices: [{ index: 0, delta: content === null ? {} : { content }, finish_reason }],
});
const chat = async () =>
  (await client().POST("/serverless/v1/chat/completions", { body: { model: "m", messages } })).data;

describe("mock.respond: scripted JSON answers", () => {
  it("answers the next call with the reply, then the spec's example again; calls record both", async () => {
    mock.respond("serverlessChatComplete", { body: chatAnswer("scripted") });
    expect((await chat()).choices[0]?.message.content).toBe("scripted");
    expect((await chat()).choices[0]?.message.content).not.toBe("scripted");
    expect(mock.calls.slice(-2)).toEqual([
      {
        method: "POST",
        path: "/serverless/v1/chat/completions",
        stream: false,
        status: 200,
        operationId: "serverlessChatComplete",
        scripted: true,
      },
      {
        method: "POST",
        path: "/serverless/v1/chat/completions",
        stream: false,
        status: 200,
        operationId: "serverlessChatComplete",
      },
    ]);
  });

  it("answers in the order given, `times` calls each, and `always` until reset()", async () => {
    mock.respond("serverlessChatComplete", { body: chatAnswer("one") }, { times: 2 });
    mock.respond("serverlessChatComplete", { body: chatAnswer("two") });
    mock.respond("serverlessChatComplete", { body: chatAnswer("forever") }, { times: "always" });
    expect(mock.pendingReplies()).toEqual([
      { operationId: "serverlessChatComplete", remaining: 2 },
      { operationId: "serverlessChatComplete", remaining: 1 },
      { operationId: "serverlessChatComplete", remaining: "always" },
    ]);
    const said: (string | null | undefined)[] = [];
    for (let i = 0; i < 5; i++) said.push((await chat()).choices[0]?.message.content);
    expect(said).toEqual(["one", "one", "two", "forever", "forever"]);
    mock.reset();
    expect(mock.pendingReplies()).toEqual([]);
    expect((await chat()).choices[0]?.message.content).not.toBe("forever");
  });

  it("sends the status and headers given: an error status the spec does not list is a typed error", async () => {
    mock.respond("serverlessChatComplete", {
      status: 429,
      body: { detail: "slow down" },
      headers: { "retry-after": "0", "x-request-id": "req-429" },
    });
    const limited = await chat().catch((e: unknown) => e);
    expect(limited).toBeInstanceOf(RateLimitError);
    expect(limited).toMatchObject({ status: 429, requestId: "req-429" });

    mock.respond("dedicatedGetEndpoint", { status: 404, body: { detail: "no such endpoint" } });
    const missing = await client()
      .GET("/dedicated/beta/endpoint/{endpoint_id}", { params: { path: { endpoint_id: "ep-1" } } })
      .catch((e: unknown) => e);
    expect(missing).toBeInstanceOf(NotFoundError);
    expect((missing as NotFoundError).message).toContain("no such endpoint");
  });

  it("scripts a retry (the README's example): a 429, then the answer", async () => {
    mock.respond("serverlessChatComplete", {
      status: 429,
      body: { detail: "slow down" },
      headers: { "retry-after": "0" },
    });
    mock.respond("serverlessChatComplete", { body: chatAnswer("Hello") });
    const before = mock.calls.length;
    const friendli = createFriendliClient({ baseURL: mock.url, token: "test" });
    const { data } = await friendli.POST("/serverless/v1/chat/completions", { body: { model: "m", messages } });
    expect(data.choices[0]?.message.content).toBe("Hello");
    expect(mock.calls.slice(before).map((c) => c.status)).toEqual([429, 200]);
  });

  it("a request the spec forbids gets the mock server's rejection, and the reply waits for the next call", async () => {
    mock.respond("serverlessChatComplete", { body: chatAnswer("kept") });
    const error = await client()
      .POST("/serverless/v1/chat/completions", { body: { model: "m", messages: "not a list" } as never })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as ValidationError).issues[0]?.loc).toEqual(["body", "messages"]);
    expect(mock.pendingReplies()).toEqual([{ operationId: "serverlessChatComplete", remaining: 1 }]);
    expect((await chat()).choices[0]?.message.content).toBe("kept");
  });

  it("keeps a copy: changing the fixture afterwards changes nothing", async () => {
    const answer = chatAnswer("as given");
    mock.respond("serverlessChatComplete", { body: answer });
    (answer.choices[0] as { finish_reason: string }).finish_reason = "not-in-the-spec";
    expect((await chat()).choices[0]).toMatchObject({ finish_reason: "stop", message: { content: "as given" } });
  });
});

describe("mock.respond: checked against the spec when given", () => {
  const rejects = (run: () => void) => {
    try {
      run();
    } catch (error) {
      return error as MockReplyError;
    }
    throw new Error("respond accepted it");
  };

  it("a body breaking the schema throws, naming the operation, status, JSON path and rule; nothing is queued", () => {
    const error = rejects(() =>
      mock.respond("serverlessChatComplete", { body: chatAnswer("x", "finished" as "stop") }),
    );
    expect(error).toBeInstanceOf(MockReplyError);
    expect(error.message).toBe(
      'serverlessChatComplete 200: /choices/0/finish_reason must be equal to one of the allowed values (["stop","length","tool_calls"])',
    );
    expect(error).toMatchObject({ operationId: "serverlessChatComplete", status: 200 });
    const { usage: _usage, ...noUsage } = chatAnswer("x");
    expect(rejects(() => mock.respond("serverlessChatComplete", { body: noUsage as never })).message).toBe(
      "serverlessChatComplete 200: / must have required property 'usage'",
    );
    // `issues` names every rule broken, not only the first.
    const empty = rejects(() => mock.respond("dedicatedGetEndpointStatus", { body: {} as never }));
    expect(empty.issues.length).toBeGreaterThan(1);
    expect(empty.issues.every((i) => i.path === "/" && i.message.startsWith("must have required property"))).toBe(true);
    expect(mock.pendingReplies()).toEqual([]);
  });

  it("a success status the operation does not answer with, or a missing JSON body, throws", () => {
    expect(
      rejects(() => mock.respond("serverlessChatComplete", { status: 201 as 200, body: chatAnswer("x") })).message,
    ).toBe("serverlessChatComplete 201: / is not a status this operation answers with (the spec lists 200)");
    expect(rejects(() => mock.respond("serverlessChatComplete", {})).message).toMatch(/needs a `body`/);
  });

  it("an unknown operation or a bad `times` throws", () => {
    expect(() => mock.respond("noSuchOperation" as never, { body: {} })).toThrow(/no operation "noSuchOperation"/);
    expect(() => mock.respond("serverlessChatComplete", { body: chatAnswer("x") }, { times: 0 })).toThrow(/`times`/);
  });
});

describe("mock.respond: scripted streams", () => {
  it("streams the events given to a stream request, as the SDK's typed stream reads them", async () => {
    mock.respond("serverlessChatStream", {
      events: [{ data: chunk("Hel") }, { data: chunk("lo") }, { data: chunk(null, "stop") }, { data: "[DONE]" }],
    });
    const stream = await client().stream("/serverless/v1/chat/completions#stream", { body: { model: "m", messages } });
    let text = "";
    for await (const { data } of stream) text += data.choices[0]?.delta.content ?? "";
    expect(text).toBe("Hello");
    expect(mock.calls.at(-1)).toMatchObject({ stream: true, operationId: "serverlessChatStream", scripted: true });
  });

  it("keeps event names: a tool-assisted stream of tool_status updates and token chunks", async () => {
    const status = (s: "STARTED" | "ENDED", result: string | null) => ({
      tool_call_id: "call-1",
      name: "math:calculator" as const,
      status: s,
      parameters: [{ name: "expression", value: "6 * 7" }],
      result,
      files: null,
      message: null,
      error: null,
      usage: null,
      timestamp: 1_700_000_000,
    });
    mock.respond("serverlessToolAssistedChatStream", {
      events: [
        { event: "tool_status", data: status("STARTED", null) },
        { event: "tool_status", data: status("ENDED", '{"result": "42"}') },
        { event: "token", data: chunk("42") },
        { data: "[DONE]" },
      ],
    });
    const stream = await client().stream("/serverless/tools/v1/chat/completions#stream", {
      body: { model: "m", messages },
    });
    const seen: string[] = [];
    for await (const event of stream) seen.push(`${event.event}`);
    expect(seen).toEqual(["tool_status", "tool_status", "token"]);
  });

  it("events are checked too: an event breaking its schema, events for a JSON operation, [DONE] where the stream has none", () => {
    expect(() =>
      mock.respond("serverlessToolAssistedChatStream", { events: [{ data: chunk("no event name") } as never] }),
    ).toThrow("serverlessToolAssistedChatStream 200 event 0: / must have required property 'event'");
    expect(() =>
      mock.respond("serverlessChatStream", {
        events: [{ data: { ...chunk("x"), object: "chat.completion" } as never }],
      }),
    ).toThrow(/serverlessChatStream 200 event 0: \/data\/object must be equal to constant/);
    expect(() => mock.respond("serverlessChatComplete", { events: [{ data: chunk("x") }] } as never)).toThrow(
      "serverlessChatComplete 200: / is not a stream operation: stream requests go to serverlessChatStream",
    );
    expect(() => mock.respond("serverlessChatStream", { body: chunk("x") } as never)).toThrow(/give `events/);
    expect(() => mock.respond("serverlessResponsesStream", { events: [{ data: "[DONE]" }] })).toThrow(
      /never ends with \[DONE\]/,
    );
  });
});
