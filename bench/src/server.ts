// The bench's HTTP server, run in its own process (see `start-server.ts`) so that on a
// 2-core machine the clients measured get a core of their own. One route:
// POST /serverless/v1/chat/completions answers `"stream":true` bodies with the chat SSE
// (written slice by slice, as the network would deliver it) and others with a fixed JSON
// chat completion, over keep-alive connections. With the header `x-bench-endless: sse`
// (or `error`) the same route sends a body that never ends (one SSE line, or a 500's text)
// until the client lets go.
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { buildChatSse } from "./sse-body.ts";

export interface ServerReady {
  type: "ready";
  port: number;
  sseBytes: number;
  sseSlices: number;
  sseChunks: number;
  sseTextLength: number;
}

const sse = buildChatSse();

const completion = Buffer.from(
  JSON.stringify({
    id: "chatcmpl-bench",
    object: "chat.completion",
    created: 1_700_000_000,
    model: "bench-model",
    choices: [
      {
        index: 0,
        message: { role: "assistant", content: "Paperclips hold paper, reset phones and pick simple locks." },
        finish_reason: "stop",
      },
    ],
    usage: { prompt_tokens: 12, completion_tokens: 13, total_tokens: 25 },
  }),
);

/** Resolves on `drain`, or on `close` when the client went away. */
function drained(res: ServerResponse): Promise<void> {
  return new Promise((resolve) => {
    const done = () => {
      res.off("drain", done);
      res.off("close", done);
      resolve();
    };
    res.on("drain", done);
    res.on("close", done);
  });
}

async function writeSse(res: ServerResponse): Promise<void> {
  res.writeHead(200, { "content-type": "text/event-stream", "cache-control": "no-cache", "x-request-id": "bench" });
  for (const slice of sse.slices) {
    if (res.destroyed) return;
    if (!res.write(slice)) await drained(res);
  }
  res.end();
}

const endlessPiece = Buffer.alloc(64 * 1024, "a");

async function writeEndless(res: ServerResponse, kind: "sse" | "error"): Promise<void> {
  if (kind === "sse") {
    res.writeHead(200, { "content-type": "text/event-stream" });
    res.write("data: ");
  } else res.writeHead(500, { "content-type": "text/plain" });
  while (!res.destroyed) if (!res.write(endlessPiece)) await drained(res);
}

function handle(req: IncomingMessage, res: ServerResponse): void {
  const endless = req.headers["x-bench-endless"];
  if (endless === "sse" || endless === "error") {
    req.resume();
    writeEndless(res, endless).catch(() => res.destroy());
    return;
  }
  if (req.method !== "POST" || req.url !== "/serverless/v1/chat/completions") {
    res.writeHead(404, { "content-type": "application/json" }).end('{"error":"not found"}');
    return;
  }
  let body = "";
  req.setEncoding("utf8");
  req.on("data", (text: string) => (body += text));
  req.on("end", () => {
    if (body.includes('"stream":true')) {
      writeSse(res).catch(() => res.destroy());
      return;
    }
    res.writeHead(200, {
      "content-type": "application/json",
      "content-length": completion.length,
      "x-request-id": "bench",
    });
    res.end(completion);
  });
}

const server = createServer({ keepAliveTimeout: 120_000, noDelay: true }, handle);
server.headersTimeout = 125_000;

function shutdown(): void {
  server.close(() => process.exit(0));
  server.closeAllConnections();
  // Whatever is still open after a second does not keep the process alive.
  setTimeout(() => process.exit(0), 1_000).unref();
}

process.on("message", (message) => {
  if (message === "close") shutdown();
});
// The parent went away (even by a crash): close too.
process.on("disconnect", shutdown);

server.listen(0, "127.0.0.1", () => {
  const ready: ServerReady = {
    type: "ready",
    port: (server.address() as AddressInfo).port,
    sseBytes: sse.bytes.length,
    sseSlices: sse.slices.length,
    sseChunks: sse.chunks,
    sseTextLength: sse.textLength,
  };
  process.send?.(ready);
});
