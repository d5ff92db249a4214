import { APIUserAbortError } from "@friendli-ts/client";
import { type FaultServer, startFaultServer } from "@friendli-ts/test-kit";
import { afterEach, describe, expect, it } from "vitest";
import { createFriendliInference } from "../../src/index.ts";
import { completionFor } from "./chat-server.ts";

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const messages = [{ role: "user" as const, content: "Hi" }];

describe("per-call options", () => {
  it("teamId and headers reach the server; the container client sends no token", async () => {
    server = await startFaultServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(completionFor({ content: "ok" })));
    });
    const inference = createFriendliInference({
      baseURL: server.url,
      token: "secret-token",
      maxRetries: 0,
      container: { baseURL: server.url, maxRetries: 0 },
    });
    await inference.serverless.chat.complete(
      { model: "m", messages },
      { teamId: "team-7", headers: { "x-trace": "t1" } },
    );
    await inference.container.chat.complete({ messages });
    const [cloud, container] = server.requests;
    expect(cloud?.headers["x-friendli-team"]).toBe("team-7");
    expect(cloud?.headers["x-trace"]).toBe("t1");
    expect(cloud?.headers.authorization).toBe("Bearer secret-token");
    expect(container?.path).toBe("/v1/chat/completions");
    expect(container?.headers.authorization).toBeUndefined();
  });

  it("withOptions() changes options for the serverless, dedicated and container namespaces alike", async () => {
    server = await startFaultServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(completionFor({ content: "ok" })));
    });
    const inference = createFriendliInference({ baseURL: server.url, token: "t", maxRetries: 0 });
    const team = inference.withOptions({ teamId: "team-9" });
    await team.dedicated.chat.complete({ model: "ep", messages });
    await team.container.chat.complete({ messages });
    await inference.serverless.chat.complete({ model: "m", messages });
    expect(server.requests.map((r) => r.headers["x-friendli-team"])).toEqual(["team-9", "team-9", undefined]);
  });

  it("onResponse hands over the HTTP response of a successful call", async () => {
    server = await startFaultServer((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "x-request-id": "req-42" });
      res.end(JSON.stringify({ tokens: [1, 2] }));
    });
    const inference = createFriendliInference({ baseURL: server.url, token: "t", maxRetries: 0 });
    let requestId: string | null = null;
    const result = await inference.serverless.token.tokenize(
      { model: "m", prompt: "Hi" },
      { onResponse: (response) => (requestId = response.headers.get("x-request-id")) },
    );
    expect(result.tokens).toEqual([1, 2]);
    expect(requestId).toBe("req-42");
  });

  it("a user AbortSignal cancels a JSON call", async () => {
    server = await startFaultServer(() => {
      // Never answers.
    });
    const inference = createFriendliInference({ baseURL: server.url, token: "t", maxRetries: 0 });
    const abort = new AbortController();
    const call = inference.dedicated.chat.complete({ model: "ep", messages }, { signal: abort.signal });
    setTimeout(() => abort.abort(), 20);
    await expect(call).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it("a per-call timeout applies to that call only", async () => {
    server = await startFaultServer(async (_req, res) => {
      await new Promise((r) => setTimeout(r, 200));
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(completionFor({ content: "late" })));
    });
    const inference = createFriendliInference({ baseURL: server.url, token: "t", maxRetries: 0 });
    await expect(inference.serverless.chat.complete({ model: "m", messages }, { timeout: 30 })).rejects.toThrow(
      /time/i,
    );
    const late = await inference.serverless.chat.complete({ model: "m", messages });
    expect(late.choices[0]?.message.content).toBe("late");
  });
});
