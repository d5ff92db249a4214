import { readBodyCapped, redact } from "@friendli-ts/client/internal";
import type { ValidateFunction } from "ajv";
import { asksForStream } from "../mock/asks-for-stream.ts";
import { requestRulePath } from "../mock/attribution/request-rule-path.ts";
import { encodeAnswer } from "../mock/encode-answer.ts";
import { callFault } from "../mock/faults/answer-faults.ts";
import { answerSteps } from "../mock/faults/answer-steps.ts";
import { playStepsAsResponse } from "../mock/faults/play-steps-as-response.ts";
import { createMockEngine, type MockControls } from "../mock/mock-engine.ts";
import { checkRequest } from "../mock/request-check/check-request.ts";
import { specExampleAnswer } from "../mock/spec-example-answer.ts";
import type { LocalAnswer, ProxyRequest, RecordedCall } from "../mock/start-recording-proxy.ts";
import type { StateLimits } from "../mock/state/state-limits.ts";
import { refusalAnswer } from "../mock/violation-body.ts";
import { useCompiledChecks } from "../spec-check/response-validator.ts";
import { indexSpec, type SpecDocument, type SpecIndex } from "../spec-check/spec-index.ts";

/** How `createMockFetch` makes the mock: the spec, and the same state and storage options as the server mode. */
export interface MockFetchOptions {
  /**
   * The normalised OpenAPI document with its `#stream` operations (the package ships it as
   * `@friendli-ts/testing/spec.json`). The same object given again reuses its compiled checks.
   */
  spec: object;
  /**
   * Keep what the management API's calls create, for the next call (see the server mode's
   * `state`). Default true; false answers those calls with the spec's examples.
   */
  state?: boolean;
  /** How much the state holds at most (objects, bytes); past it a create gets a 507. */
  stateLimits?: Partial<StateLimits>;
  /** The most bytes the mock's storage holds in all; past it an upload gets a 413. Default 256 MiB. */
  storageMaxBytes?: number;
  /** The base URL the mock calls itself, e.g. in the upload URLs it hands out. Default `http://mock.friendli.test`. */
  url?: string;
  /** The most bytes of a request body the mock reads; past it the call gets a 413. Default 64 MiB. */
  maxBodyBytes?: number;
  /**
   * The spec's checks compiled ahead of time, for runtimes that forbid compiling code from
   * strings (Cloudflare workers): `specChecks` from `@friendli-ts/testing/in-process/spec-checks`,
   * built from the spec the package ships. Without it the checks are compiled on first use.
   */
  checks?: Readonly<Record<string, ValidateFunction>>;
}

/** The mock in process: a `fetch` to give a client, and the same controls as the server mode's. */
export interface MockFetch extends MockControls {
  /** Answers like the mock server, with no server: pass it as a client's `fetch` option. */
  fetch: typeof globalThis.fetch;
  /** A base URL to give the client beside `fetch` (any URL works: the path is what counts). */
  url: string;
  /** Every API call answered, in order, as in the server mode. */
  calls: RecordedCall[];
}

/** Test uploads are small; a runaway body must not fill memory. */
export const DEFAULT_MAX_BODY_BYTES = 64 * 1024 * 1024;

const indexes = new WeakMap<object, SpecIndex>();

/** The spec's index, once per document object: its compiled checks stay with it. */
function indexOnce(doc: object): SpecIndex {
  let index = indexes.get(doc);
  if (!index) {
    if (!("paths" in doc) || typeof doc.paths !== "object")
      throw new TypeError("createMockFetch: `spec` is not an OpenAPI document");
    index = indexSpec(doc as SpecDocument);
    indexes.set(doc, index);
  }
  return index;
}

const json = (status: number, body: unknown): LocalAnswer => ({ status, json: body });

/**
 * The mock of the Friendli API as a `fetch` function: the same engine as `startMockServer()`
 * (the spec's request checks with the rule each refusal broke, `respond` and its faults,
 * state, answers that follow the request, streams for POST), with no server and no child
 * process. Web APIs only: it runs in Node, in a browser and in a worker.
 */
export function createMockFetch(options: MockFetchOptions): MockFetch {
  const spec = indexOnce(options.spec);
  if (options.checks) useCompiledChecks(spec, options.checks);
  const url = (options.url ?? "http://mock.friendli.test").replace(/\/+$/, "");
  const maxBodyBytes = options.maxBodyBytes ?? DEFAULT_MAX_BODY_BYTES;
  if (!(Number.isSafeInteger(maxBodyBytes) && maxBodyBytes > 0)) {
    throw new RangeError(`createMockFetch: maxBodyBytes must be a positive whole number, not ${String(maxBodyBytes)}`);
  }
  const engine = createMockEngine(spec, () => url, options);
  const calls: RecordedCall[] = [];

  async function answerOf(
    request: ProxyRequest,
    record: (call: Omit<RecordedCall, "method" | "path" | "stream">) => void,
  ) {
    const stored = await engine.serveStorage(request);
    if (stored) return stored;
    const op = spec.match(request.method, request.path, request.stream);
    if (!op) {
      const answer = json(404, {
        error: {
          message: `no operation of the spec answers ${request.method} ${request.path}`,
          type: "not_found_error",
          code: "no_route",
        },
      });
      record({ status: 404 });
      return answer;
    }
    const refused = await checkRequest(spec, op, request);
    const refusal =
      refused &&
      refusalAnswer(refused.status, refused.problems, (loc) => requestRulePath(spec.doc, op.specPath, op.method, loc));
    if (refusal) {
      record({ status: refusal.status, operationId: op.operationId });
      return refusal;
    }
    const example = specExampleAnswer(spec, op, request.stream);
    const chosen = await engine.answer(op, request, example);
    if (!chosen) {
      record({ status: example.status, operationId: op.operationId });
      const text = await example.text();
      return { status: example.status, headers: example.headers as Record<string, string>, body: text };
    }
    const fault = callFault(chosen.faults);
    record({
      status: fault === "reset" ? 0 : chosen.status,
      operationId: op.operationId,
      ...(chosen.scripted && { scripted: true as const }),
      ...(fault && { fault }),
    });
    return chosen;
  }

  const mockFetch = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    const sent = await readRequest(input, init, maxBodyBytes);
    if (sent.signal?.aborted) throw sent.signal.reason;
    const token = /^bearer\s+(.+)$/i.exec(String(sent.headers.authorization ?? ""))?.[1]?.trim();
    let answer: LocalAnswer;
    try {
      const { method, headers, body } = sent;
      const { pathname, search } = new URL(sent.url);
      if (body === undefined) {
        answer = json(413, { error: { message: `the mock reads at most ${maxBodyBytes} bytes of a body` } });
      } else {
        const canStream = spec.match(method, pathname, true)?.streams ?? false;
        const stream = canStream && (await asksForStream(headers, body));
        const proxyRequest: ProxyRequest = { method, path: pathname, search, stream, headers, body };
        answer = await answerOf(proxyRequest, (call) => calls.push({ method, path: pathname, stream, ...call }));
      }
    } catch (error) {
      // A bug of the engine must not hang the test: a 500 that names it, the token taken out.
      const message = error instanceof Error ? error.message : String(error);
      answer = { status: 500, headers: { "content-type": "text/plain" }, body: redact(`mock: ${message}`, token) };
    }
    return send(answer, sent.signal, token);
  };

  return {
    fetch: mockFetch,
    url,
    calls,
    respond: engine.respond,
    pendingReplies: engine.pendingReplies,
    reset: engine.reset,
    endpoints: engine.endpoints,
    storage: engine.storage,
  };
}

/** A request as the mock reads it; `body` undefined when it is over the limit. */
interface SentRequest {
  method: string;
  url: string;
  headers: Record<string, string>;
  body: Uint8Array | undefined;
  signal: AbortSignal | undefined;
}

/**
 * Reads what a client sent. A URL with a body of text or bytes (what clients send) is read
 * as it is; anything else goes through a `Request`, whose body is read up to the limit.
 */
async function readRequest(
  input: RequestInfo | URL,
  init: RequestInit | undefined,
  limit: number,
): Promise<SentRequest> {
  const plain =
    !(input instanceof Request) &&
    (init?.body == null || typeof init.body === "string" || init.body instanceof Uint8Array);
  if (plain) {
    const headers: Record<string, string> = {};
    new Headers(init?.headers).forEach((value, name) => {
      headers[name] = value;
    });
    const raw = init?.body as string | Uint8Array | null | undefined;
    const body = raw == null ? new Uint8Array(0) : typeof raw === "string" ? new TextEncoder().encode(raw) : raw;
    return {
      method: (init?.method ?? "GET").toUpperCase(),
      url: String(input),
      headers,
      body: body.length > limit ? undefined : body,
      signal: init?.signal ?? undefined,
    };
  }
  const request = input instanceof Request && init === undefined ? input : new Request(input, init);
  const headers: Record<string, string> = {};
  request.headers.forEach((value, name) => {
    headers[name] = value;
  });
  const { bytes, cut } = await readBodyCapped(request.body, limit, { reading: "the request", over: "cut" });
  return {
    method: request.method.toUpperCase(),
    url: request.url,
    headers,
    body: cut ? undefined : bytes,
    signal: request.signal,
  };
}

/** The answer as a `Response`; an error's body never carries the caller's token back. */
function send(
  answer: LocalAnswer,
  signal: AbortSignal | undefined,
  token: string | undefined,
): Promise<Response> | Response {
  let { headers, body } = encodeAnswer(answer);
  if (answer.status >= 400 && token && typeof body === "string") body = redact(body, token);
  if (answer.faults) {
    const { status, events, faults } = answer;
    return playStepsAsResponse(answerSteps({ status, headers, body, ...(events && { events }), faults }), signal);
  }
  if (answer.status === 204 || answer.status === 304) return new Response(null, { status: answer.status, headers });
  return new Response(typeof body === "string" ? body : new Uint8Array(body), { status: answer.status, headers });
}
