import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { Socket } from "node:net";

export interface RecordedRequest {
  method: string;
  path: string;
  headers: IncomingMessage["headers"];
  body: string;
  /** Date.now() when the request arrived, for tests of waits between attempts. */
  receivedAt: number;
}

export type FaultHandler = (
  req: IncomingMessage,
  res: ServerResponse,
  ctx: { attempt: number; body: string },
) => void | Promise<void>;

export interface FaultServer {
  url: string;
  requests: RecordedRequest[];
  stop(): Promise<void>;
}

/**
 * A real HTTP server on 127.0.0.1 that misbehaves on purpose. `handler` gets the 1-based
 * attempt number of each request, so a test can fail the first tries and succeed later.
 * stop() destroys open sockets, so a hanging response cannot keep the test run alive.
 */
export async function startFaultServer(handler: FaultHandler): Promise<FaultServer> {
  const requests: RecordedRequest[] = [];
  const sockets = new Set<Socket>();
  const server = createServer(async (req, res) => {
    const receivedAt = Date.now();
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks).toString("utf8");
    requests.push({ method: req.method ?? "", path: req.url ?? "", headers: req.headers, body, receivedAt });
    try {
      await handler(req, res, { attempt: requests.length, body });
    } catch {
      res.destroy();
    }
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    requests,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}

/** Writes `text` as a server-sent event body, flushing each piece as its own chunk. */
export async function writeChunks(res: ServerResponse, pieces: (string | Uint8Array)[], gapMs = 5): Promise<void> {
  for (const piece of pieces) {
    res.write(piece);
    await new Promise((r) => setTimeout(r, gapMs));
  }
}
