import { APICallError, TypeValidationError } from "@ai-sdk/provider";
import { APITimeoutError, ResponseTooLargeError } from "@friendli-ts/inference";
import { findSecret, serveFaults, writeForever } from "@friendli-ts/test-kit";
import { describe, expect, it } from "vitest";
import { json, localProvider, TOKEN } from "../support/friendli-server.ts";

const serve = serveFaults();

const item = (fields: Record<string, unknown> = {}) => ({
  id: "zai-org/GLM-5.2",
  name: "GLM 5.2",
  created: 1,
  context_length: 131072,
  max_completion_tokens: 8192,
  pricing: { input: 0.5, output: 1.5 },
  functionality: { tool_call: true, builtin_tool: true, parallel_tool_call: false, structured_output: true },
  description: "a model",
  deprecation_date: null,
  ...fields,
});

const failure = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: unknown) => e,
  );

describe("listModels against a local server", () => {
  it("maps the list to ids, limits, functionality and prices, from GET /serverless/v1/models", async () => {
    const server = await serve((_req, res) => json(res, { data: [item(), item({ id: "m2", functionality: null })] }));
    const models = await localProvider(server).listModels();
    expect(server.requests[0]).toMatchObject({ method: "GET", path: "/serverless/v1/models" });
    expect(models).toEqual([
      {
        id: "zai-org/GLM-5.2",
        name: "GLM 5.2",
        contextLength: 131072,
        maxCompletionTokens: 8192,
        functionality: { toolCalls: true, builtInTools: true, parallelToolCalls: false, structuredOutput: true },
        pricing: { input: 0.5, output: 1.5 },
      },
      {
        id: "m2",
        name: "GLM 5.2",
        contextLength: 131072,
        maxCompletionTokens: 8192,
        pricing: { input: 0.5, output: 1.5 },
      },
    ]);
  });

  it("a list of the wrong shape is a TypeValidationError; an error status an APICallError", async () => {
    for (const answer of [null, {}, { data: {} }, { data: [{}] }, { data: [item({ context_length: "big" })] }]) {
      const server = await serve((_req, res) => json(res, answer));
      expect(await failure(localProvider(server).listModels())).toBeInstanceOf(TypeValidationError);
    }
    const down = await serve((_req, res) => json(res, { message: "down" }, 503));
    const error = await failure(localProvider(down).listModels());
    expect(APICallError.isInstance(error)).toBe(true);
    expect((error as APICallError).statusCode).toBe(503);
  });

  it("the list is public: no token is sent; a list holding the token anyway has it redacted everywhere", async () => {
    const server = await serve((_req, res) => {
      const echo = `Bearer ${TOKEN}`;
      json(res, { data: [item({ id: echo, name: echo, pricing: { note: echo }, deprecation_date: echo })] });
    });
    const shown = JSON.stringify(await localProvider(server).listModels());
    expect(server.requests[0]?.headers.authorization).toBeUndefined();
    expect(shown).toContain("[redacted]");
    expect(findSecret(shown, TOKEN)).toBeUndefined();
  });

  it("an abort stops the call: an AbortError", async () => {
    let seen!: () => void;
    const arrived = new Promise<void>((resolve) => {
      seen = resolve;
    });
    const server = await serve(() => {
      seen();
      // and no answer
    });
    const controller = new AbortController();
    const pending = failure(localProvider(server).listModels({ abortSignal: controller.signal }));
    await arrived;
    controller.abort();
    expect((await pending) as Error).toHaveProperty("name", "AbortError");
  });

  it("a list that never ends is cut at the client's size cap; one that stalls ends at the timeout", async () => {
    const flood = await serve(async (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"data":[');
      await writeForever(res, `${JSON.stringify(item())},`);
    });
    const tooLarge = await failure(localProvider(flood, { maxResponseBytes: 64 * 1024 }).listModels());
    expect(APICallError.isInstance(tooLarge)).toBe(true);
    expect((tooLarge as Error).cause).toBeInstanceOf(ResponseTooLargeError);

    const stall = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"data":[');
      // and then nothing, without closing
    });
    const timedOut = await failure(localProvider(stall, { timeout: 300 }).listModels());
    expect(APICallError.isInstance(timedOut)).toBe(true);
    expect((timedOut as Error).cause).toBeInstanceOf(APITimeoutError);
  });
});
