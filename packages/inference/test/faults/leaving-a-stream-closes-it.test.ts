import type { ServerResponse } from "node:http";
import { APIUserAbortError } from "@friendli-ts/client";
import { serveFaults } from "@friendli-ts/test-kit";
import { describe, expect, it } from "vitest";
import { createFriendliInference } from "../../src/index.ts";
import { chunk, sse } from "../support/sse.ts";

const serve = serveFaults();
const messages = [{ role: "user" as const, content: "Hi" }];
// A test that would hang without its fix fails here, well before the suite's own limit.
const BOUNDED = { timeout: 10_000 };
// After all pending promise jobs: a read the client started is then waiting on the silent
// server itself, so a cancel meets a read in progress.
const settled = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * A chat stream whose server sends the headers and one text delta, then goes silent for
 * good, with no idle timeout: only the client letting go closes the connection (`closed`).
 */
async function silentChat() {
  let markClosed!: () => void;
  const closed = new Promise<void>((resolve) => {
    markClosed = resolve;
  });
  const server = await serve(async (_req, res: ServerResponse) => {
    res.once("close", () => markClosed());
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.write(sse(chunk({ role: "assistant", content: "Hel", reasoning_content: "think" })));
    await new Promise(() => {});
  });
  const inference = createFriendliInference({ baseURL: server.url, token: "t", maxRetries: 0, idleTimeout: 0 });
  return { closed, open: () => inference.serverless.chat.stream({ model: "m", messages }) };
}

describe("every helper that reads an inference stream closes its connection when left", () => {
  it("textDeltas(), then break", BOUNDED, async () => {
    const { closed, open } = await silentChat();
    for await (const text of (await open()).textDeltas()) {
      expect(text).toBe("Hel");
      break;
    }
    await closed;
  });

  it("reasoningDeltas(), then break", BOUNDED, async () => {
    const { closed, open } = await silentChat();
    for await (const _text of (await open()).reasoningDeltas()) break;
    await closed;
  });

  it("finalResult() and finalText(), ended by abort() while they wait", BOUNDED, async () => {
    for (const collect of ["finalResult", "finalText"] as const) {
      const { closed, open } = await silentChat();
      const stream = await open();
      const result = stream[collect]();
      await settled();
      stream.abort();
      await expect(result).rejects.toBeInstanceOf(APIUserAbortError);
      await closed;
    }
  });

  it("toReadableStream() of an inference stream, cancelled while the server is silent", BOUNDED, async () => {
    const { closed, open } = await silentChat();
    const reader = (await open()).toReadableStream().getReader();
    await reader.read();
    await settled();
    await reader.cancel();
    await closed;
  });

  it("tee() of an inference stream, both branches' textDeltas left", BOUNDED, async () => {
    const { closed, open } = await silentChat();
    const [a, b] = (await open()).tee();
    for await (const _text of a.textDeltas()) break;
    for await (const _text of b.textDeltas()) break;
    await closed;
  });
});
