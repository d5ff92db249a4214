import { createServer, request as httpRequest } from "node:http";
import type { Socket } from "node:net";

export interface RecordedCall {
  method: string;
  /** Path without the query string. */
  path: string;
  /** The client asked for an event stream (the `#stream` variant of an operation). */
  stream: boolean;
  status: number;
}

/** `POST /v1/chat/completions stream 200`: one line of the request log. */
export const formatCall = (c: RecordedCall) => `${c.method} ${c.path} ${c.stream ? "stream" : "json"} ${c.status}`;

export function parseCall(line: string): RecordedCall | undefined {
  const [method, path, kind, status] = line.trim().split(" ");
  if (!method || !path || !kind || !status) return undefined;
  return { method, path, stream: kind === "stream", status: Number(status) };
}

/**
 * A pass-through HTTP proxy on 127.0.0.1 in front of the mock server that records what
 * each request was (method, path, stream or not) and how it was answered. The mock
 * server's own log does not say whether a request asked for a stream.
 */
export async function startRecordingProxy(
  target: string,
): Promise<{ url: string; calls: RecordedCall[]; stop(): Promise<void> }> {
  const calls: RecordedCall[] = [];
  const sockets = new Set<Socket>();
  const upstream = new URL(target);
  const server = createServer((req, res) => {
    const forward = httpRequest(
      { hostname: upstream.hostname, port: upstream.port, method: req.method, path: req.url, headers: req.headers },
      (answer) => {
        calls.push({
          method: req.method ?? "GET",
          path: (req.url ?? "/").split("?")[0] as string,
          stream: String(req.headers.accept ?? "").includes("text/event-stream"),
          status: answer.statusCode ?? 0,
        });
        res.writeHead(answer.statusCode ?? 502, answer.headers);
        answer.pipe(res);
      },
    );
    forward.on("error", () => res.destroy());
    req.pipe(forward);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  return {
    url: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    calls,
    stop: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
