import { APICallError } from "@ai-sdk/provider";
import { APITimeoutError, RateLimitError, StreamInterruptedError } from "@friendli-ts/inference";
import { recordSentRequests, serveFaults, writeChunks } from "@friendli-ts/test-kit";
import { generateText, streamText, tool } from "ai";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { chunk, completion, json, localProvider, TOKEN } from "../support/friendli-server.ts";

const serve = serveFaults();

/** Resolves when called: lets a test wait until the server has seen the request. */
function signal() {
  let fire!: () => void;
  const fired = new Promise<void>((resolve) => {
    fire = resolve;
  });
  return { fire, fired };
}

describe("the provider against servers that misbehave", () => {
  it("a stream cut in the middle of a tool call is an error: no half call is run", async () => {
    let ran = false;
    const server = await serve(async (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      await writeChunks(res, [
        chunk({ tool_calls: [{ index: 0, id: "call_1", function: { name: "lookup", arguments: '{"q":"fri' } }] }),
      ]);
      res.socket?.destroy();
    });
    const errors: unknown[] = [];
    const result = streamText({
      model: localProvider(server)("m"),
      prompt: "?",
      tools: {
        lookup: tool({
          inputSchema: z.object({ q: z.string() }),
          execute: async () => {
            ran = true;
            return "found";
          },
        }),
      },
      onError: ({ error }) => {
        errors.push(error);
      },
    });
    await result.consumeStream();
    expect(ran).toBe(false);
    expect(await result.finishReason).toBe("interrupted");
    expect(errors).toHaveLength(1);
    expect(APICallError.isInstance(errors[0])).toBe(true);
    expect((errors[0] as Error).cause).toBeInstanceOf(StreamInterruptedError);
    expect((await result.toolCalls).length).toBe(0);
  });

  it("a 429 with Retry-After is retried once by the client, not again by the AI SDK", async () => {
    const server = await serve((_req, res, { attempt }) => {
      if (attempt === 1) return json(res, { message: "slow down" }, 429, { "retry-after": "0" });
      json(res, completion({ content: "after the wait" }));
    });
    const result = await generateText({ model: localProvider(server, { maxRetries: 1 })("m"), prompt: "?" });
    expect(result.text).toBe("after the wait");
    expect(server.requests).toHaveLength(2);
  });

  it("a 429 left after the client's retries is an APICallError the AI SDK does not retry", async () => {
    const server = await serve((_req, res) => json(res, { message: "slow down" }, 429, { "retry-after": "0" }));
    const error = await generateText({ model: localProvider(server)("m"), prompt: "?", maxRetries: 2 }).then(
      () => undefined,
      (e: unknown) => e,
    );
    // The AI SDK wraps a last error in RetryError only when it retried; here it did not.
    expect(APICallError.isInstance(error)).toBe(true);
    const apiError = error as APICallError;
    expect(apiError.statusCode).toBe(429);
    expect(apiError.isRetryable).toBe(false);
    expect(apiError.responseHeaders?.["retry-after"]).toBe("0");
    expect(apiError.responseBody).toContain("slow down");
    expect(apiError.cause).toBeInstanceOf(RateLimitError);
    expect(server.requests).toHaveLength(1);
  });

  it("a stream that goes quiet ends with a timeout error after idleTimeout", async () => {
    const server = await serve(async (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(chunk({ content: "start" }));
      // and then nothing, without closing
    });
    const errors: unknown[] = [];
    const result = streamText({
      model: localProvider(server, { idleTimeout: 300 })("m"),
      prompt: "?",
      onError: ({ error }) => {
        errors.push(error);
      },
    });
    await result.consumeStream();
    expect(await result.text).toBe("start");
    expect(errors).toHaveLength(1);
    expect((errors[0] as Error).cause).toBeInstanceOf(APITimeoutError);
  });

  it("an abort mid-stream, after the server has the request, stops the stream and closes the connection", async () => {
    const seen = signal();
    const closed = signal();
    const server = await serve(async (req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(chunk({ content: "first" }));
      req.socket.once("close", closed.fire);
      seen.fire();
    });
    const controller = new AbortController();
    let aborted = false;
    const result = streamText({
      model: localProvider(server)("m"),
      prompt: "?",
      abortSignal: controller.signal,
      onAbort: () => {
        aborted = true;
      },
    });
    const reader = result.textStream[Symbol.asyncIterator]();
    expect((await reader.next()).value).toBe("first");
    await seen.fired;
    controller.abort();
    for (let next = await reader.next(); !next.done; next = await reader.next()) {
      // drain what was already queued
    }
    await closed.fired;
    expect(aborted).toBe(true);
    expect(server.requests).toHaveLength(1);
  });

  it("the token never appears in the AI SDK's error, even when the server echoes it", async () => {
    const server = await serve((req, res) =>
      json(res, { error: { message: `bad token ${req.headers.authorization}` } }, 401, {
        "x-echo": String(req.headers.authorization),
      }),
    );
    const sent = recordSentRequests();
    const error = await generateText({ model: localProvider(server, { fetch: sent.fetch })("m"), prompt: "?" }).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(APICallError.isInstance(error)).toBe(true);
    expect(sent.sent[0]?.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
    const apiError = error as APICallError;
    const everything = [
      apiError.message,
      apiError.stack,
      apiError.responseBody,
      JSON.stringify(apiError.responseHeaders),
      JSON.stringify(apiError.data),
      JSON.stringify(apiError.requestBodyValues),
      String(apiError.cause),
    ].join("\n");
    expect(everything).toContain("[redacted]");
    expect(everything).not.toContain(TOKEN);
  });
});
