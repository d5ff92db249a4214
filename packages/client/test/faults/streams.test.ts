import { getEventListeners } from "node:events";
import { type FaultServer, startFaultServer, writeChunks } from "@friendli-ts/test-kit";
import { afterEach, describe, expect, it } from "vitest";
import {
  APIError,
  APITimeoutError,
  APIUserAbortError,
  InvalidResponseError,
  StreamEventError,
  StreamInterruptedError,
  StreamParseError,
} from "../../src/index.ts";
import { chatBody, chunk, faultClient } from "../support/fault-client.ts";

let server: FaultServer | undefined;
afterEach(async () => {
  await server?.stop();
  server = undefined;
});

const SSE = { "content-type": "text/event-stream" };

/** Serves one SSE body, written as the given pieces (each flushed on its own). */
async function sse(pieces: (string | Uint8Array)[], end = true) {
  server = await startFaultServer(async (_req, res) => {
    res.writeHead(200, SSE);
    await writeChunks(res, pieces);
    if (end) res.end();
    else res.socket?.destroy();
  });
  return faultClient(server.url).stream("/serverless/v1/chat/completions#stream", { body: chatBody });
}

async function readText(pieces: (string | Uint8Array)[], end = true): Promise<string> {
  let text = "";
  for await (const { data } of await sse(pieces, end)) text += data.choices[0]?.delta.content ?? "";
  return text;
}

describe("server-sent events against a misbehaving server", () => {
  it("parses CRLF, comments, multi-line data and event names", async () => {
    const stream = await sse([
      ": keep-alive\r\n\r\n",
      'event: token\r\ndata: {"id":"c","object":"chat.completion.chunk","created":1,\r\n',
      'data: "choices":[{"index":0,"delta":{"content":"A"}}]}\r\n\r\n',
      "data: [DONE]\r\n\r\n",
    ]);
    const events = [];
    for await (const event of stream) events.push(event);
    expect(events).toHaveLength(1);
    expect(events[0]?.event).toBe("token");
    expect(events[0]?.data.choices[0]?.delta.content).toBe("A");
  });

  it("joins a multi-byte UTF-8 character split across chunks", async () => {
    const bytes = new TextEncoder().encode(chunk("héllo 🌍"));
    const at = bytes.indexOf(0xf0) + 2; // inside the 4-byte emoji
    const text = await readText([bytes.slice(0, 20), bytes.slice(20, at), bytes.slice(at), "data: [DONE]\n\n"]);
    expect(text).toBe("héllo 🌍");
  });

  it("a stream cut in the middle of an event is an error, not a short answer", async () => {
    const error = await readText([chunk("one"), 'data: {"id":"c","choi'], false).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamInterruptedError);
  });

  it("a body that closes cleanly inside a line is cut, not a parse error", async () => {
    const error = await readText([chunk("one"), 'data: {"id":"c","choi']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamInterruptedError);
    expect((error as Error).message).toContain("middle of an event");
  });

  it("a last event missing only its blank line is kept", async () => {
    expect(await readText([chunk("one"), "data: [DONE]\n"])).toBe("one");
  });

  it("a stream that ends cleanly between events but without [DONE] is an error", async () => {
    const error = await readText([chunk("one")]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamInterruptedError);
  });

  it("malformed event JSON is a StreamParseError carrying the data", async () => {
    const error = await readText([chunk("ok"), "data: {not json}\n\n"]).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamParseError);
    expect((error as StreamParseError).data).toBe("{not json}");
  });

  it("an error event mid-stream is thrown as StreamEventError after the good chunks", async () => {
    const seen: string[] = [];
    const stream = await sse([chunk("a"), 'data: {"error":{"message":"model overloaded","type":"server_error"}}\n\n']);
    const error = await (async () => {
      for await (const { data } of stream) seen.push(data.choices[0]?.delta.content ?? "");
    })().catch((e: unknown) => e);
    expect(seen).toEqual(["a"]);
    expect(error).toBeInstanceOf(StreamEventError);
    expect((error as Error).message).toContain("model overloaded");
  });

  it("`event: error` is an error whatever its data", async () => {
    const error = await readText([chunk("a"), 'event: error\ndata: {"message":"quota"}\n\n']).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamEventError);
  });

  it("break stops reading and closes the connection", async () => {
    let closed = false;
    server = await startFaultServer(async (req, res) => {
      res.writeHead(200, SSE);
      req.socket.once("close", () => {
        closed = true;
      });
      for (let i = 0; i < 200 && !closed; i++) await writeChunks(res, [chunk(`t${i}`)], 10);
      res.end();
    });
    const stream = await faultClient(server.url).stream("/serverless/v1/chat/completions#stream", { body: chatBody });
    let count = 0;
    for await (const _ of stream) if (++count === 2) break;
    await expect.poll(() => closed, { timeout: 2_000 }).toBe(true);
    expect(count).toBe(2);
  });

  it("a user abort mid-stream ends the loop with APIUserAbortError", async () => {
    server = await startFaultServer(async (_req, res) => {
      res.writeHead(200, SSE);
      await writeChunks(res, [chunk("a"), chunk("b")], 10);
      await new Promise((r) => setTimeout(r, 5_000));
      res.end();
    });
    const controller = new AbortController();
    const stream = await faultClient(server.url).stream("/serverless/v1/chat/completions#stream", {
      body: chatBody,
      signal: controller.signal,
    });
    const error = await (async () => {
      for await (const _ of stream) controller.abort();
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIUserAbortError);
  });

  it("an error status before the stream starts is a typed APIError, and the stream is not retried after it starts", async () => {
    server = await startFaultServer(async (_req, res, { attempt }) => {
      if (attempt === 1) return void res.writeHead(503).end();
      res.writeHead(200, SSE);
      await writeChunks(res, [chunk("x")]);
      res.socket?.destroy();
    });
    const stream = await faultClient(server.url).stream("/serverless/v1/chat/completions#stream", { body: chatBody });
    const error = await (async () => {
      for await (const _ of stream);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamInterruptedError);
    // One failed attempt before the stream, one stream: no retry after the body started.
    expect(server.requests).toHaveLength(2);
  });

  it("a JSON answer where a stream was expected is an InvalidResponseError, not an APIError", async () => {
    server = await startFaultServer(
      (_req, res) => void res.writeHead(200, { "content-type": "application/json" }).end("{}"),
    );
    const error = await faultClient(server.url)
      .stream("/serverless/v1/chat/completions#stream", { body: chatBody })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).not.toBeInstanceOf(APIError);
  });

  it("a 200 text/html answer to a stream says its status and content type, redacted, and closes the body", async () => {
    let closed = false;
    server = await startFaultServer((req, res) => {
      req.socket.once("close", () => {
        closed = true;
      });
      // A page that never ends: the error must not wait for it.
      res.writeHead(200, { "content-type": "text/html; note=secret-token-123" });
      res.write("<html><body>secret-token-123");
    });
    const error = await faultClient(server.url)
      .stream("/serverless/v1/chat/completions#stream", { body: chatBody })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    const invalid = error as InvalidResponseError;
    expect(invalid.status).toBe(200);
    expect(invalid.message).toContain("200 text/html");
    expect(invalid.message).toContain("where an event stream was expected");
    expect(JSON.stringify({ ...invalid, message: invalid.message, headers: [...invalid.headers] })).not.toContain(
      "secret-token-123",
    );
    await expect.poll(() => closed, { timeout: 2_000 }).toBe(true);
  });

  it("a content type that only mentions text/event-stream in a parameter is not an event stream", async () => {
    server = await startFaultServer(
      (_req, res) => void res.writeHead(200, { "content-type": "text/html; x=text/event-stream" }).end("<p>"),
    );
    await expect(
      faultClient(server.url).stream("/serverless/v1/chat/completions#stream", { body: chatBody }),
    ).rejects.toBeInstanceOf(InvalidResponseError);
  });

  it("sends stream: true and asks for an event stream", async () => {
    await readText([chunk("a"), "data: [DONE]\n\n"]);
    const [request] = server?.requests ?? [];
    expect(JSON.parse(request?.body ?? "")).toMatchObject({ stream: true });
    expect(request?.headers.accept).toBe("text/event-stream");
  });

  it("a stream that goes quiet after its headers fails with APITimeoutError and closes the connection", async () => {
    let closed = false;
    server = await startFaultServer(async (req, res) => {
      res.writeHead(200, SSE);
      req.socket.once("close", () => {
        closed = true;
      });
      await writeChunks(res, [chunk("a")]);
      await new Promise(() => {});
    });
    const stream = await faultClient(server.url).stream("/serverless/v1/chat/completions#stream", {
      body: chatBody,
      idleTimeout: 200,
    });
    const seen: string[] = [];
    const error = await (async () => {
      for await (const { data } of stream) seen.push(data.choices[0]?.delta.content ?? "");
    })().catch((e: unknown) => e);
    expect(seen).toEqual(["a"]);
    expect(error).toBeInstanceOf(APITimeoutError);
    await expect.poll(() => closed, { timeout: 2_000 }).toBe(true);
  });

  it("the idle timeout defaults to the call's timeout", async () => {
    server = await startFaultServer(async (_req, res) => {
      res.writeHead(200, SSE).flushHeaders();
      await new Promise(() => {});
    });
    const stream = await faultClient(server.url, { timeout: 150 }).stream("/serverless/v1/chat/completions#stream", {
      body: chatBody,
    });
    await expect(
      (async () => {
        for await (const _ of stream);
      })(),
    ).rejects.toBeInstanceOf(APITimeoutError);
  });

  it("CR-only line endings deliver every event", async () => {
    const text = await readText([chunk("a").replace(/\n/g, "\r"), chunk("b").replace(/\n/g, "\r"), "data: [DONE]\r\r"]);
    expect(text).toBe("ab");
    server = await startFaultServer(async (_req, res) => {
      res.writeHead(200, SSE);
      res.end(`${chunk("x")}${chunk("y")}${chunk("z")}`.replace(/\n/g, "\r"));
    });
    const events: string[] = [];
    const stream = await faultClient(server.url).stream("/serverless/v1/chat/completions#stream", { body: chatBody });
    await (async () => {
      for await (const { data } of stream) events.push(data.choices[0]?.delta.content ?? "");
    })().catch(() => {});
    expect(events).toEqual(["x", "y", "z"]);
  });

  it("`data: null` is a StreamParseError, not a TypeError", async () => {
    await expect(readText(["data: null\n\n", "data: [DONE]\n\n"])).rejects.toBeInstanceOf(StreamParseError);
  });

  it("one signal reused across calls and streams keeps no listener once they end", async () => {
    server = await startFaultServer(async (req, res) => {
      if (req.headers.accept === "text/event-stream") {
        res.writeHead(200, SSE);
        return void res.end(`${chunk("a")}data: [DONE]\n\n`);
      }
      res.writeHead(200, { "content-type": "application/json" }).end("{}");
    });
    const client = faultClient(server.url);
    const { signal } = new AbortController();
    for (let i = 0; i < 15; i++) {
      await client.GET("/serverless/v1/models", { signal });
      for await (const _ of await client.stream("/serverless/v1/chat/completions#stream", { body: chatBody, signal })) {
      }
      const cut = await client.stream("/serverless/v1/chat/completions#stream", { body: chatBody, signal });
      for await (const _ of cut) break;
    }
    expect(getEventListeners(signal, "abort")).toHaveLength(0);
  });

  it.each([
    ["/serverless/v1/responses#stream", { model: "m", input: "hi" }],
    ["/serverless/v1/messages#stream", { model: "m", max_tokens: 5, messages: [{ role: "user", content: "hi" }] }],
  ] as const)('%s: `data: {"type":"error"}` with no event line is a StreamEventError', async (path, body) => {
    server = await startFaultServer(async (_req, res) => {
      res.writeHead(200, SSE);
      res.end('data: {"type":"error","error":{"type":"overloaded","message":"busy, try later"}}\n\n');
    });
    const stream = await faultClient(server.url).stream(path, { body: body as never });
    const error = await (async () => {
      for await (const _ of stream);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StreamEventError);
    expect((error as Error).message).toContain("busy, try later");
  });
});
