import { createServer, request as httpRequest, type IncomingHttpHeaders, type IncomingMessage } from "node:http";
import type { Socket } from "node:net";
import { asksForStream } from "./asks-for-stream.ts";
import { type CorsOptions, corsHeaders, isPreflight, withoutCors } from "./cors-headers.ts";
import { encodeAnswer } from "./encode-answer.ts";
import { type AnswerFaults, type CallFault, callFault } from "./faults/answer-faults.ts";
import { answerSteps } from "./faults/answer-steps.ts";
import type { AnswerEvent } from "./faults/event-text.ts";
import { playStepsOnNode } from "./faults/play-steps-on-node.ts";

export { formatEvents } from "./encode-answer.ts";

import { isLoopbackHost } from "./is-loopback-host.ts";

export interface RecordedCall {
  method: string;
  /** Path without the query string. */
  path: string;
  /** The client asked for an event stream (the `#stream` variant of an operation). */
  stream: boolean;
  status: number;
  /** The spec operation the request went to, when one matched. */
  operationId?: string;
  /** Answered by a scripted reply (`mock.respond`) rather than the spec's example. */
  scripted?: true;
  /** How a scripted fault ended the call: a reset (status 0, nothing sent), a stall or a cut. */
  fault?: CallFault;
}

/** `POST /v1/chat/completions stream 200`: one line of the request log. */
export const formatCall = (c: RecordedCall) => `${c.method} ${c.path} ${c.stream ? "stream" : "json"} ${c.status}`;

export function parseCall(line: string): RecordedCall | undefined {
  const [method, path, kind, status] = line.trim().split(" ");
  if (!method || !path || !kind || !status) return undefined;
  return { method, path, stream: kind === "stream", status: Number(status) };
}

/** A request as the proxy read it, body included. */
export interface ProxyRequest {
  method: string;
  /** Path without the query string. */
  path: string;
  /** The query string with its `?`, or "". */
  search: string;
  stream: boolean;
  /** Header names in lower case. */
  headers: Record<string, string | string[] | undefined>;
  body: Uint8Array;
}

/** An answer the proxy sends itself. */
export interface LocalAnswer {
  status: number;
  headers?: Record<string, string>;
  /** A JSON value, sent as `application/json` unless `headers` say otherwise. */
  json?: unknown;
  /** Raw bytes or text. */
  body?: string | Uint8Array;
  /** Server-sent events; `data` is sent as JSON, except the `[DONE]` sentinel. */
  events?: AnswerEvent[];
  /** Time and faults to play while sending it. */
  faults?: AnswerFaults;
}

/** The mock server's answer, as the `after` hook sees it. */
export interface UpstreamAnswer {
  status: number;
  headers: IncomingHttpHeaders;
  /** Reads the answer's body as JSON (undefined when it is not JSON). */
  json(): Promise<unknown>;
  /** Reads the answer's body as text. */
  text(): Promise<string>;
}

export interface ProxyHooks {
  /** Whether the request's operation can answer with an event stream (all can, when not given). */
  canStream?(request: Pick<ProxyRequest, "method" | "path">): boolean;
  /** The operation a request goes to, for the call log. */
  operationOf?(request: ProxyRequest): string | undefined;
  /** Answers a request without the mock server; `record: false` keeps it out of `calls`. */
  before?(request: ProxyRequest): LocalAnswer | undefined | Promise<LocalAnswer | undefined>;
  /** Sees the mock server's answer and may send another instead. */
  after?(
    request: ProxyRequest,
    answer: UpstreamAnswer,
  ): (LocalAnswer & { scripted?: boolean }) | undefined | Promise<(LocalAnswer & { scripted?: boolean }) | undefined>;
}

export interface RecordingProxy {
  url: string;
  calls: RecordedCall[];
  stop(): Promise<void>;
}

export interface ProxyOptions {
  /** Which web pages may read the mock (none by default). */
  cors?: CorsOptions;
  /** The port on 127.0.0.1 (default: a free one). */
  port?: number;
  /** Added to every request sent on to the mock server (the key its port asks for). */
  upstreamHeaders?: Record<string, string>;
}

/** The most the proxy reads of one body: test uploads are small, and a runaway one must not fill memory. */
const MAX_BODY_BYTES = 256 * 1024 * 1024;

class BodyTooLargeError extends Error {}

function readAll(stream: IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    stream.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size > MAX_BODY_BYTES) {
        stream.destroy();
        reject(new BodyTooLargeError(`a body over ${MAX_BODY_BYTES} bytes`));
        return;
      }
      chunks.push(chunk);
    });
    stream.once("end", () => resolve(Buffer.concat(chunks)));
    stream.once("error", reject);
  });
}

/** `Accept` as the request's `stream` field means it; other requests keep theirs. */
function acceptFor(stream: boolean, accept: string | undefined): { accept?: string } {
  if (stream) return { accept: "text/event-stream" };
  if (accept?.includes("text/event-stream")) return { accept: "application/json" };
  return {};
}

/**
 * An HTTP proxy on 127.0.0.1 in front of the mock server that records what each request
 * was (method, path, stream or not, operation) and how it was answered; the mock server's
 * own log does not say whether a request asked for a stream. Hooks may answer a request
 * themselves (`before`) or replace the mock server's answer (`after`).
 */
export async function startRecordingProxy(
  target: string,
  hooks: ProxyHooks = {},
  options: ProxyOptions = {},
): Promise<RecordingProxy> {
  const calls: RecordedCall[] = [];
  const sockets = new Set<Socket>();
  const upstream = new URL(target);

  const server = createServer(async (req, res) => {
    res.on("error", () => {});
    // A page on another site that points its own name at 127.0.0.1 (DNS rebinding) still
    // sends its own name as Host: answering only loopback names keeps it out.
    if (!isLoopbackHost(req.headers.host)) {
      req.resume();
      res.writeHead(421, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: "the mock server answers only to 127.0.0.1, localhost or [::1]" } }));
      return;
    }
    const cors = corsHeaders(options.cors, req.headers);
    if (isPreflight(req)) {
      req.resume();
      res.writeHead(204, cors);
      res.end();
      return;
    }
    try {
      const [path = "/", query] = (req.url ?? "/").split(/\?(.*)/s, 2);
      const method = req.method ?? "GET";
      const body = await readAll(req);
      const stream = (hooks.canStream?.({ method, path }) ?? true) && (await asksForStream(req.headers, body));
      const request: ProxyRequest = {
        method,
        path,
        search: query === undefined ? "" : `?${query}`,
        stream,
        headers: req.headers,
        body,
      };
      const send = (answer: LocalAnswer) => {
        const { headers, body } = encodeAnswer(answer);
        if (answer.faults) {
          const { status, events, faults } = answer;
          const all = { ...headers, ...cors, "content-length": String(Buffer.byteLength(body)) };
          return playStepsOnNode(res, answerSteps({ status, headers: all, body, ...(events && { events }), faults }));
        }
        res.writeHead(answer.status, { ...headers, ...cors, "content-length": String(Buffer.byteLength(body)) });
        res.end(body);
      };

      const local = await hooks.before?.(request);
      if (local) {
        send(local);
        return;
      }
      const operationId = hooks.operationOf?.(request);
      const record = (status: number, scripted?: boolean, fault?: CallFault) =>
        calls.push({
          method: request.method,
          path: request.path,
          stream: request.stream,
          status,
          ...(operationId && { operationId }),
          ...(scripted && { scripted: true as const }),
          ...(fault && { fault }),
        });

      const forward = httpRequest({
        hostname: upstream.hostname,
        port: upstream.port,
        method: request.method,
        path: req.url,
        // The mock server picks the answer's media type by `Accept`; the request's own
        // `stream` field is what says which one it wants.
        headers: { ...req.headers, ...acceptFor(request.stream, req.headers.accept), ...options.upstreamHeaders },
      });
      forward.on("error", () => res.destroy());
      forward.end(request.body);
      const answer = await new Promise<IncomingMessage>((resolve) => forward.once("response", resolve));
      let read: Promise<Buffer> | undefined;
      const replaced = await hooks.after?.(request, {
        status: answer.statusCode ?? 502,
        headers: answer.headers,
        async json() {
          read ??= readAll(answer);
          try {
            return JSON.parse((await read).toString("utf8"));
          } catch {
            return undefined;
          }
        },
        async text() {
          read ??= readAll(answer);
          return (await read).toString("utf8");
        },
      });
      if (replaced) {
        if (!read) answer.resume();
        const fault = callFault(replaced.faults);
        record(fault === "reset" ? 0 : replaced.status, replaced.scripted, fault);
        await send(replaced);
        return;
      }
      record(answer.statusCode ?? 0);
      res.writeHead(answer.statusCode ?? 502, { ...withoutCors(answer.headers), ...cors });
      if (read) res.end(await read);
      else answer.pipe(res);
    } catch (error) {
      if (error instanceof BodyTooLargeError && !res.headersSent) {
        res.writeHead(413, { "content-type": "application/json", connection: "close" });
        res.end(
          JSON.stringify({ error: { message: `the mock server reads at most ${MAX_BODY_BYTES} bytes of a body` } }),
        );
        return;
      }
      // A hook's bug must not hang the test: answer 500 naming it.
      if (!res.headersSent) {
        res.writeHead(500, { "content-type": "text/plain" });
        res.end(`mock server proxy: ${error instanceof Error ? error.message : String(error)}`);
      } else res.destroy();
    }
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.once("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, "127.0.0.1", () => {
      server.off("error", reject);
      resolve();
    });
  });
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
