import { APIConnectionError, APITimeoutError, APIUserAbortError } from "@friendli-ts/client";
import { type FaultServer, startFaultServer } from "@friendli-ts/test-kit";
import { afterEach, describe, expect, it } from "vitest";
import { createFriendliInference } from "../../src/index.ts";
import { completionFor } from "../support/chat-server.ts";

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const messages = [{ role: "user" as const, content: "Hi" }];

async function answering() {
  server = await startFaultServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json", "x-request-id": "req-42" });
    res.end(JSON.stringify(completionFor({ content: "ok" })));
  });
  return server;
}

describe("per-call options", () => {
  it("teamId and headers reach the server; the container client sends no token", async () => {
    const { url, requests } = await answering();
    const inference = createFriendliInference({
      baseURL: url,
      token: "secret-token",
      maxRetries: 0,
      container: { baseURL: url, maxRetries: 0 },
    });
    await inference.serverless.chat.complete(
      { model: "m", messages },
      { teamId: "team-7", headers: { "x-trace": "t1" } },
    );
    await inference.container.chat.complete({ messages }, { headers: { "x-trace": "t2" } });
    const [cloud, container] = requests;
    expect(cloud?.headers["x-friendli-team"]).toBe("team-7");
    expect(cloud?.headers["x-trace"]).toBe("t1");
    expect(cloud?.headers.authorization).toBe("Bearer secret-token");
    expect(container?.path).toBe("/v1/chat/completions");
    expect(container?.headers["x-trace"]).toBe("t2");
    expect(container?.headers.authorization).toBeUndefined();
  });

  it("container routes get no token or team from the shared client; a container's own auth goes as a header", async () => {
    const { url, requests } = await answering();
    const shared = createFriendliInference({ baseURL: url, token: "secret-token", teamId: "team-1", maxRetries: 0 });
    await shared.container.chat.complete({ messages });
    const guarded = createFriendliInference({
      container: { baseURL: url, maxRetries: 0, defaultHeaders: { authorization: "Bearer container-secret" } },
    });
    await guarded.container.chat.complete({ messages });
    expect(requests.map((r) => [r.headers.authorization, r.headers["x-friendli-team"]])).toEqual([
      [undefined, undefined],
      ["Bearer container-secret", undefined],
    ]);
  });

  it("withOptions() changes options for the serverless, dedicated and container namespaces alike", async () => {
    const { url, requests } = await answering();
    const inference = createFriendliInference({ baseURL: url, token: "test-token", maxRetries: 0 });
    const team = inference.withOptions({ teamId: "team-9", defaultHeaders: { "x-app": "a1" } });
    await team.dedicated.chat.complete({ model: "ep", messages });
    await team.container.chat.complete({ messages });
    await inference.serverless.chat.complete({ model: "m", messages });
    // The team header goes only where the spec takes it: container routes do not.
    expect(requests.map((r) => r.headers["x-friendli-team"])).toEqual(["team-9", undefined, undefined]);
    expect(requests.map((r) => r.headers["x-app"])).toEqual(["a1", "a1", undefined]);
  });

  it("onResponse hands over the HTTP response of a successful call", async () => {
    server = await startFaultServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "x-request-id": "req-42" });
      res.end(JSON.stringify({ tokens: [1, 2] }));
    });
    const inference = createFriendliInference({ baseURL: server.url, token: "test-token", maxRetries: 0 });
    let requestId: string | null = null;
    const result = await inference.serverless.token.tokenize(
      { model: "m", prompt: "Hi" },
      { onResponse: (response) => (requestId = response.headers.get("x-request-id")) },
    );
    expect(result.tokens).toEqual([1, 2]);
    expect(requestId).toBe("req-42");
  });

  it("a user AbortSignal cancels a JSON call once the server has it", async () => {
    server = await startFaultServer(() => {
      // Never answers.
    });
    const inference = createFriendliInference({ baseURL: server.url, token: "test-token", maxRetries: 0 });
    const abort = new AbortController();
    const call = inference.dedicated.chat.complete({ model: "ep", messages }, { signal: abort.signal });
    const outcome = call.catch((e: unknown) => e);
    await expect.poll(() => server?.requests.length).toBe(1);
    abort.abort();
    expect(await outcome).toBeInstanceOf(APIUserAbortError);
  });

  it("a per-call timeout applies to that call only", async () => {
    // A request marked x-hang never gets an answer; the others do. (Marked, not counted: the
    // client may time out before the server has read the first request.)
    server = await startFaultServer((req, res) => {
      if (req.headers["x-hang"]) return;
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(completionFor({ content: "on time" })));
    });
    const inference = createFriendliInference({ baseURL: server.url, token: "test-token", maxRetries: 0 });
    const error = await inference.serverless.chat
      .complete({ model: "m", messages }, { timeout: 50, headers: { "x-hang": "1" } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(error).toBeInstanceOf(APIConnectionError);
    const next = await inference.serverless.chat.complete({ model: "m", messages });
    expect(next.choices[0]?.message.content).toBe("on time");
  });
});
