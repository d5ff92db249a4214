import { createFriendliClient, InvalidInputError } from "@friendli-ts/client";
import { afterEach, describe, expect, it } from "vitest";
import {
  createContainerChat,
  createDedicatedChat,
  createFriendliInference,
  createServerlessChat,
} from "../../src/index.ts";
import { startChatServer } from "./chat-server.ts";

// The chat-only factories: the same requests, checks and streams as the chat of
// `createFriendliInference`, without building the rest of the SDK.

type Server = Awaited<ReturnType<typeof startChatServer>>;
let server: Server | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const messages = [{ role: "user" as const, content: "Hi" }];

describe("createServerlessChat, createDedicatedChat, createContainerChat", () => {
  it("serverless: streams and completes on the serverless path, with the token", async () => {
    server = await startChatServer([{ content: "Hello there" }]);
    const chat = createServerlessChat({ baseURL: server.url, token: "test-token" });
    const stream = await chat.stream({ model: "m", messages });
    const texts: string[] = [];
    for await (const text of stream.textDeltas()) texts.push(text);
    expect(texts.join("")).toBe("Hello there");
    const answer = await chat.complete({ model: "m", messages });
    expect(answer.choices[0]?.message.content).toBe("Hello there");
    expect(server.requests.map((r) => r.path)).toEqual([
      "/serverless/v1/chat/completions",
      "/serverless/v1/chat/completions",
    ]);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(["Bearer test-token", "Bearer test-token"]);
    expect(server.bodies().map((b) => b.stream)).toEqual([true, undefined]);
  });

  it("gives the same final result as createFriendliInference's chat", async () => {
    server = await startChatServer([{ content: "Same answer", toolCalls: [{ id: "c1", name: "f", arguments: "{}" }] }]);
    const options = { baseURL: server.url, token: "test-token" };
    const lean = await (await createDedicatedChat(options).stream({ model: "ep", messages })).finalResult();
    const full = await (
      await createFriendliInference(options).dedicated.chat.stream({ model: "ep", messages })
    ).finalResult();
    expect(lean).toEqual(full);
    expect(lean.choices[0]?.message.tool_calls?.[0]?.function.name).toBe("f");
    expect(server.requests.map((r) => r.path)).toEqual([
      "/dedicated/v1/chat/completions",
      "/dedicated/v1/chat/completions",
    ]);
  });

  it("container: the root path, no token unless given, model optional", async () => {
    server = await startChatServer([{ content: "From the container" }]);
    const chat = createContainerChat({ baseURL: server.url });
    const answer = await chat.complete({ messages });
    expect(answer.choices[0]?.message.content).toBe("From the container");
    expect(server.requests[0]?.path).toBe("/v1/chat/completions");
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
  });

  it("a shared client is used as is, or with the options given beside it", async () => {
    server = await startChatServer([{ content: "ok" }]);
    const client = createFriendliClient({ baseURL: server.url, token: "shared-token" });
    await createServerlessChat({ client }).complete({ model: "m", messages });
    await createServerlessChat({ client, teamId: "team-7" }).complete({ model: "m", messages });
    expect(server.requests.map((r) => r.headers.authorization)).toEqual(["Bearer shared-token", "Bearer shared-token"]);
    expect(server.requests.map((r) => r.headers["x-friendli-team"])).toEqual([undefined, "team-7"]);
  });

  it("checks the body before the network, naming the method", async () => {
    server = await startChatServer([{ content: "never sent" }]);
    const chat = createServerlessChat({ baseURL: server.url, token: "test-token" });
    await expect(chat.stream({ model: "m", messages: [] })).rejects.toThrow(InvalidInputError);
    await expect(chat.complete({ model: "", messages })).rejects.toThrow(/serverless\.chat\.complete/);
    expect(server.requests).toHaveLength(0);
  });
});
