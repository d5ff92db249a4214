import { getEventListeners } from "node:events";
import type { ServerResponse } from "node:http";
import { serveFaults } from "@friendli-ts/test-kit";
import { afterEach, describe, expect, it } from "vitest";
import {
  APITimeoutError,
  APIUserAbortError,
  type ClientOptions,
  InvalidInputError,
  type Middleware,
  MiddlewareError,
} from "../../src/index.ts";
import { chatBody, chunk, faultClient, json } from "../support/fault-client.ts";

const serve = serveFaults();
const never = <T = void>() => new Promise<T>(() => {});
const CHAT = "/serverless/v1/chat/completions";
const STREAM = "/serverless/v1/chat/completions#stream";
const answer = { id: "c", object: "chat.completion", created: 1, model: "m", choices: [] };
// A test that would hang without its fix fails here, well before the suite's own limit.
const BOUNDED = { timeout: 10_000 };
// After all pending promise jobs: a read the client started is then waiting on the silent
// server itself (no I/O is needed to get there), so a cancel meets a read in progress.
const settled = () => new Promise<void>((resolve) => setImmediate(resolve));
// Responses a hook saw, kept as a hook that logs them would: a test of closing must not
// pass because garbage collection closed an unreachable response.
const kept: Response[] = [];
afterEach(() => {
  kept.length = 0;
});

/** A server that answers every request with a chat completion. */
const answering = () =>
  serve((_req, res) => void res.writeHead(200, { "content-type": "application/json" }).end(json(answer)));

/**
 * A server that sends the headers and `first`, then goes silent for good. `closed`
 * resolves once the client lets go of the connection: the only way such a call can end.
 */
async function silentAfter(first: string, contentType = "text/event-stream") {
  let markClosed!: () => void;
  const closed = new Promise<void>((resolve) => {
    markClosed = resolve;
  });
  const server = await serve(async (_req, res: ServerResponse) => {
    res.once("close", () => markClosed());
    res.writeHead(200, { "content-type": contentType });
    res.write(first);
    await never();
  });
  return { server, closed };
}

/** A streaming call to a server gone silent after one event; no idle timeout to end it. */
async function silentStream(options: ClientOptions = {}) {
  const { server, closed } = await silentAfter(chunk("one"));
  const client = faultClient(server.url, { idleTimeout: 0, ...options });
  return { server, closed, client };
}

describe("a token function is waited on within the call's timeout and signal", () => {
  it("one that never settles fails at the timeout, with nothing sent", BOUNDED, async () => {
    const server = await answering();
    const client = faultClient(server.url, { token: () => never<string>(), timeout: 100, maxRetries: 0 });
    const error = await client.POST(CHAT, { body: chatBody }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APITimeoutError);
    expect((error as Error).message).toMatch(/waiting for the token/);
    expect(server.requests).toHaveLength(0);
  });

  it("one that never settles ends at the caller's abort, with no timeout set", BOUNDED, async () => {
    const server = await answering();
    const controller = new AbortController();
    const token = () => {
      queueMicrotask(() => controller.abort());
      return never<string>();
    };
    const client = faultClient(server.url, { token, timeout: 0 });
    await expect(client.POST(CHAT, { body: chatBody, signal: controller.signal })).rejects.toBeInstanceOf(
      APIUserAbortError,
    );
    expect(server.requests).toHaveLength(0);
  });
});

describe("a token function that fails", () => {
  it.each([
    ["rejects", () => Promise.reject(new Error("vault unreachable"))],
    [
      "throws",
      () => {
        throw new TypeError("no credentials");
      },
    ],
  ])("one that %s is an InvalidInputError with its error as the cause, with nothing sent", async (_how, token) => {
    const server = await answering();
    const client = faultClient(server.url, { token, maxRetries: 2 });
    const error = await client.POST(CHAT, { body: chatBody }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidInputError);
    expect((error as Error).message).toMatch(/the token function failed/);
    expect((error as Error).cause).toBeInstanceOf(Error);
    expect(server.requests).toHaveLength(0);
  });
});

describe("middleware hooks are waited on within the call's timeout and signal", () => {
  it("an onRequest that never settles times out, with nothing sent", BOUNDED, async () => {
    const server = await answering();
    const middleware: Middleware[] = [{ onRequest: () => never() }];
    const client = faultClient(server.url, { middleware, timeout: 100, maxRetries: 0 });
    await expect(client.POST(CHAT, { body: chatBody })).rejects.toBeInstanceOf(APITimeoutError);
    expect(server.requests).toHaveLength(0);
  });

  it("an onResponse that never settles times out, and the answer's connection is closed", BOUNDED, async () => {
    const { server, closed } = await silentAfter('{"id":', "application/json");
    const middleware: Middleware[] = [{ onResponse: () => never() }];
    const client = faultClient(server.url, { middleware, timeout: 200, maxRetries: 0 });
    await expect(client.POST(CHAT, { body: chatBody })).rejects.toBeInstanceOf(APITimeoutError);
    await closed;
    expect(server.requests).toHaveLength(1);
  });

  it("an onResponse that never settles ends at the caller's abort", BOUNDED, async () => {
    const server = await answering();
    const controller = new AbortController();
    const middleware: Middleware[] = [
      {
        onResponse: () => {
          controller.abort();
          return never();
        },
      },
    ];
    const client = faultClient(server.url, { middleware, timeout: 0 });
    await expect(client.POST(CHAT, { body: chatBody, signal: controller.signal })).rejects.toBeInstanceOf(
      APIUserAbortError,
    );
  });
});

describe("a middleware that throws is reported as itself, never retried", () => {
  it("onRequest: a MiddlewareError naming the hook, the thrown value as cause, nothing sent", async () => {
    const server = await answering();
    const thrown = new Error("tracing backend down");
    const middleware: Middleware[] = [
      {},
      {
        onRequest: () => {
          throw thrown;
        },
      },
    ];
    const error = await faultClient(server.url, { middleware })
      .POST(CHAT, { body: chatBody })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MiddlewareError);
    expect(error).toMatchObject({ hook: "onRequest", index: 1, cause: thrown });
    expect((error as Error).message).toMatch(/middleware 1 onRequest failed: tracing backend down/);
    expect(server.requests).toHaveLength(0);
  });

  it("onResponse: one request sent and answered, not three, and a rejected promise counts too", async () => {
    const server = await answering();
    const middleware: Middleware[] = [{ onResponse: () => Promise.reject("not an Error") }];
    const error = await faultClient(server.url, { middleware, maxRetries: 2, retryNonIdempotent: true })
      .POST(CHAT, { body: chatBody })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(MiddlewareError);
    expect(error).toMatchObject({ hook: "onResponse", index: 0, cause: "not an Error" });
    expect(server.requests).toHaveLength(1);
  });

  it("onResponse throwing on an answer still being sent releases its connection", BOUNDED, async () => {
    const { server, closed } = await silentAfter('{"id":', "application/json");
    const middleware: Middleware[] = [
      {
        onResponse: ({ response }) => {
          kept.push(response);
          throw new Error("boom");
        },
      },
    ];
    const client = faultClient(server.url, { middleware, timeout: 0 });
    await expect(client.POST(CHAT, { body: chatBody })).rejects.toBeInstanceOf(MiddlewareError);
    await closed;
    expect(server.requests).toHaveLength(1);
  });

  it("onResponse throwing on a stream call closes the stream's connection", BOUNDED, async () => {
    const middleware: Middleware[] = [
      {
        onResponse: ({ response }) => {
          kept.push(response);
          throw new Error("boom");
        },
      },
    ];
    const { client, closed } = await silentStream({ middleware, timeout: 0 });
    await expect(client.stream(STREAM, { body: chatBody })).rejects.toBeInstanceOf(MiddlewareError);
    await closed;
  });
});

// Each test: the stream is open (its headers and first event arrived), the server is then
// silent with no idle timeout, so only the client letting go can close the connection.
describe("every way of leaving a stream closes its connection at once", () => {
  it("for await, then break", BOUNDED, async () => {
    const { client, closed } = await silentStream();
    for await (const _event of await client.stream(STREAM, { body: chatBody })) break;
    await closed;
  });

  it("toReadableStream(), then cancel() while the server is silent", BOUNDED, async () => {
    const { client, closed } = await silentStream();
    const reader = (await client.stream(STREAM, { body: chatBody })).toReadableStream().getReader();
    const first = await reader.read();
    expect(new TextDecoder().decode(first.value)).toContain('"content":"one"');
    await settled();
    await reader.cancel();
    await closed;
  });

  it("stream.abort() while a read waits", BOUNDED, async () => {
    const { client, closed } = await silentStream();
    const stream = await client.stream(STREAM, { body: chatBody });
    const reading = (async () => {
      for await (const _event of stream) stream.abort();
    })();
    await expect(reading).rejects.toBeInstanceOf(APIUserAbortError);
    await closed;
  });

  it("tee(), then both branches stop; the source lets go of the caller's signal too", BOUNDED, async () => {
    const { client, closed } = await silentStream();
    const signal = new AbortController().signal;
    const [left, right] = (await client.stream(STREAM, { body: chatBody, signal })).tee();
    for await (const _event of left) break;
    for await (const _event of right) break;
    await closed;
    await settled();
    expect(getEventListeners(signal, "abort")).toHaveLength(0);
  });

  it("a rebuilt stream's toReadableStream(), cancelled, cancels the stream it reads", BOUNDED, async () => {
    const { client, closed } = await silentStream();
    const bytes = (await client.stream(STREAM, { body: chatBody })).toReadableStream();
    const { Stream } = await import("../../src/index.ts");
    const reader = Stream.fromReadableStream(bytes).toReadableStream().getReader();
    await reader.read();
    await settled();
    await reader.cancel();
    await closed;
  });

  it("a per-call onResponse that throws on a stream call closes the connection", BOUNDED, async () => {
    const { client, closed } = await silentStream({ timeout: 0 });
    const thrown = new Error("caller's hook failed");
    const onResponse = (response: Response) => {
      kept.push(response);
      throw thrown;
    };
    await expect(client.stream(STREAM, { body: chatBody, onResponse })).rejects.toBe(thrown);
    await closed;
  });

  it("client.fetch with a per-call onResponse that throws closes the connection", BOUNDED, async () => {
    const { server, closed } = await silentAfter(chunk("one"));
    const thrown = new Error("caller's hook failed");
    const onResponse = (response: Response) => {
      kept.push(response);
      throw thrown;
    };
    await expect(faultClient(server.url).fetch("/v1/anything", { onResponse })).rejects.toBe(thrown);
    await closed;
    expect(kept).toHaveLength(1);
  });
});

describe("client.fetch: the body it hands back is read within the call's limits", () => {
  it("a body that goes silent fails at the idle timeout and closes the connection", BOUNDED, async () => {
    const { server, closed } = await silentAfter("first bytes", "application/octet-stream");
    const response = await faultClient(server.url, { idleTimeout: 100 }).fetch("/v1/anything");
    expect(response.status).toBe(200);
    await expect(response.text()).rejects.toBeInstanceOf(APITimeoutError);
    await closed;
  });

  it("the caller's abort after the headers ends the body and closes the connection", BOUNDED, async () => {
    const { server, closed } = await silentAfter("first bytes", "application/octet-stream");
    const abort = new AbortController();
    const response = await faultClient(server.url, { idleTimeout: 0 }).fetch("/v1/anything", { signal: abort.signal });
    const reader = response.body?.getReader();
    expect(new TextDecoder().decode((await reader?.read())?.value)).toBe("first bytes");
    const next = reader?.read();
    abort.abort();
    await expect(next).rejects.toBeInstanceOf(APIUserAbortError);
    await closed;
  });

  it("a body read to its end lets go of the caller's signal", BOUNDED, async () => {
    const server = await serve((_req, res) => void res.writeHead(200).end("all of it"));
    const abort = new AbortController();
    const response = await faultClient(server.url).fetch("/v1/anything", { signal: abort.signal });
    expect(await response.text()).toBe("all of it");
    expect(getEventListeners(abort.signal, "abort")).toHaveLength(0);
  });
});
