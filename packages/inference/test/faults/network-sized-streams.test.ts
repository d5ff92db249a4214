import { type FaultServer, startFaultServer } from "@friendli-ts/test-kit";
import { afterEach, describe, expect, it } from "vitest";
import { createFriendliInference } from "../../src/index.ts";
import { chunk, sse } from "../support/sse.ts";

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const messages = [{ role: "user" as const, content: "Hi" }];

async function streamOf(body: string) {
  server = await startFaultServer((_req, res) => {
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.end(body);
  });
  return createFriendliInference({ baseURL: server.url, token: "test-token", maxRetries: 0 }).serverless.chat.stream({
    model: "m",
    messages,
  });
}

// Sizes no test of behaviour uses, but a server may send: nothing on the way may spread a
// list of this size into a call (the stack's limit) or walk it once per element.
describe("streams as large as a server makes them", () => {
  const calls = (n: number, withIndex: boolean) =>
    Array.from({ length: n }, (_, i) => ({
      ...(withIndex ? { index: i } : {}),
      id: `call_${i}`,
      type: "function",
      function: { name: "f", arguments: "{}" },
    }));

  it("80,000 tool calls in one event reach finalResult, with or without indexes", { timeout: 60_000 }, async () => {
    for (const withIndex of [true, false]) {
      const stream = await streamOf(
        `${sse(chunk({ role: "assistant", tool_calls: calls(80_000, withIndex) }))}data: [DONE]\n\n`,
      );
      const final = await stream.finalResult();
      const toolCalls = final.choices[0]?.message.tool_calls ?? [];
      expect(toolCalls).toHaveLength(80_000);
      expect(toolCalls[79_999]?.id).toBe("call_79999");
      await server?.stop();
      server = undefined;
    }
  });

  // Past what V8 takes as the arguments of one call (about 120,000 on Node 20 and 24).
  it("200,000 logprob tokens and 200,000 tool-call deltas in one event each come through", {
    timeout: 60_000,
  }, async () => {
    const tokens = Array.from({ length: 200_000 }, () => ({ token: "x", logprob: 0 }));
    const pieces = Array.from({ length: 200_000 }, () => ({ function: { arguments: "x" } }));
    const body = [
      sse({ ...chunk({}), choices: [{ index: 0, delta: { content: "a" }, logprobs: { content: tokens } }] }),
      sse(chunk({ tool_calls: [{ index: 0, id: "call_0", function: { name: "f", arguments: "" } }] })),
      sse(chunk({ tool_calls: pieces })),
      "data: [DONE]\n\n",
    ].join("");
    const [a, b] = (await streamOf(body)).tee();
    let text = "";
    for await (const delta of a.textDeltas()) text += delta;
    expect(text).toBe("a");
    const [choice] = (await b.finalResult()).choices;
    expect(choice?.logprobs?.content).toHaveLength(200_000);
    expect(choice?.message.tool_calls?.[0]?.function.arguments).toHaveLength(200_000);
  });
});
