import { APIError } from "../errors/api-error.ts";
import { InvalidInputError } from "../errors/friendli-error.ts";
import { InvalidResponseError } from "../errors/invalid-response-error.ts";
import { type RouteFacts, routeFacts } from "../operations/route-facts.ts";
import { Stream } from "../sse/stream.ts";
import { streamEndRuleFor } from "../sse/stream-end-rules.ts";
import { type ClientOptions, type ResolvedClientOptions, resolveClientOptions } from "../transport/client-options.ts";
import { redactError } from "../transport/redact.ts";
import { createTransport, type SentResponse } from "../transport/send-request.ts";
import { appendQuery } from "./append-query.ts";
import { type CallOptions, type ResolvedCall, resolveCall } from "./call-options.ts";
import { attachInternals } from "./client-internals.ts";
import { fillPathTemplate } from "./fill-path-template.ts";
import { serializeBody } from "./serialize-body.ts";
import type { CallMethod, Method, StreamEvent, StreamInit, StreamPath } from "./typed-methods.ts";

export interface FriendliClient {
  GET: CallMethod<"get">;
  POST: CallMethod<"post">;
  PUT: CallMethod<"put">;
  PATCH: CallMethod<"patch">;
  DELETE: CallMethod<"delete">;
  /**
   * Calls a streaming operation by its spec key (`/serverless/v1/chat/completions#stream`)
   * and resolves, once the headers arrive, to the stream of its typed events.
   */
  stream<P extends StreamPath>(path: P, init: StreamInit<P>): Promise<Stream<StreamEvent<P>>>;
  /** A client with some options changed, sharing nothing mutable with this one. */
  withOptions(options: ClientOptions): FriendliClient;
  /** The configured options, without the token. */
  readonly options: Readonly<Omit<ResolvedClientOptions, "token" | "fetch" | "logger" | "middleware">> & {
    hasToken: boolean;
  };
  /**
   * A request outside the spec paths with the client's behaviour: token and team to the
   * API origin only, timeout, retries, typed errors. Takes the call options too.
   */
  fetch(input: string | URL | Request, init?: RequestInit & CallOptions): Promise<Response>;
}

interface OperationInit extends CallOptions {
  params?: { path?: Record<string, unknown>; query?: Record<string, unknown>; header?: Record<string, unknown> };
  body?: unknown;
}

/** Creates the low-level client: every spec operation, typed, over the shared runtime. */
export function createFriendliClient(options: ClientOptions = {}): FriendliClient {
  return buildClient(resolveClientOptions(options));
}

function buildClient(resolved: ResolvedClientOptions): FriendliClient {
  const transport = createTransport(resolved);

  /** Everything a call needs that is known before the network: checked here, or it throws. */
  const prepare = (method: Method, specPath: string, init: OperationInit = {}) => {
    const route = routeFacts(method, specPath);
    const { params, body, ...callOptions } = init;
    const call = resolveCall(resolved, callOptions);
    if (route?.auth && resolved.token === null) {
      throw new InvalidInputError(`${route.operationId} needs a Friendli token: pass \`token\` or set FRIENDLI_TOKEN`);
    }
    const path = appendQuery(fillPathTemplate(specPath.split("#")[0] as string, params?.path), params?.query);
    const headers = { ...call.headers, ...headerParams(params?.header) };
    const serialized = serializeBody(body, route?.multipart ?? false);
    if (typeof serialized === "string") headers["content-type"] ??= "application/json";
    return { route, call, path, headers, serialized };
  };

  const call = async (method: Method, specPath: string, init?: OperationInit) => {
    const { route, call, path, headers, serialized } = prepare(method, specPath, init);
    headers.accept ??= "application/json";
    const upper = method.toUpperCase();
    const sent = await transport(
      { method: upper, url: resolved.baseURL + path, headers, body: serialized, route, schemaPath: specPath },
      call,
    );
    sent.release();
    const data = readJsonResult(sent, route, `${upper} ${path.split("?")[0]}`);
    call.onResponse?.(sent.response);
    return { data, response: sent.response };
  };

  const stream = async (specPath: string, init: OperationInit = {}) => {
    const raw = init.body;
    const body = raw instanceof FormData ? raw : { ...(raw as object), stream: true };
    if (body instanceof FormData) body.set("stream", "true");
    const { route, call, path, headers, serialized } = prepare("post", specPath, { ...init, body });
    if (serialized instanceof FormData) serialized.set("stream", "true");
    headers.accept = "text/event-stream";
    const sent = await transport(
      {
        method: "POST",
        url: resolved.baseURL + path,
        headers,
        body: serialized,
        route,
        schemaPath: specPath,
        stream: true,
      },
      call,
    );
    const { response } = sent;
    const contentType = response.headers.get("content-type") ?? "";
    if (!contentType.includes("text/event-stream")) {
      sent.release();
      await response.body?.cancel().catch(() => {});
      throw new APIError(
        { status: response.status, headers: response.headers, body: null, method: "POST", url: response.url },
        `POST ${path} answered ${contentType || "no content type"} where an event stream was expected`,
      );
    }
    call.onResponse?.(response);
    return Stream.fromSSEResponse(response, sent.controller, {
      endRule: streamEndRuleFor(path),
      idleTimeout: call.idleTimeout,
      onEnd: sent.release,
      secret: sent.secret,
    });
  };

  const rawFetch = async (input: string | URL | Request, init: RequestInit & CallOptions = {}) => {
    const { signal, teamId, headers, timeout, idleTimeout, maxRetries, onResponse, ...requestInit } = init;
    const request = input instanceof Request ? input : undefined;
    const settings: ResolvedCall = resolveCall(resolved, {
      signal: signal ?? request?.signal ?? undefined,
      teamId,
      timeout,
      idleTimeout,
      maxRetries,
      onResponse,
      headers: {
        ...Object.fromEntries(new Headers(request?.headers)),
        ...Object.fromEntries(new Headers(headers as HeadersInit | undefined)),
      },
    });
    const method = (requestInit.method ?? request?.method ?? "GET").toUpperCase();
    const body = requestInit.body ?? (request?.body ? await request.arrayBuffer() : undefined);
    const url = new URL(request?.url ?? String(input), `${resolved.baseURL}/`).href;
    const sent = await transport(
      { method, url, headers: settings.headers, body: body as never, stream: true },
      settings,
    );
    sent.release();
    settings.onResponse?.(sent.response);
    return sent.response;
  };

  const { token, fetch: _fetch, logger: _logger, middleware: _middleware, ...visible } = resolved;
  const client: FriendliClient = {
    GET: ((path: string, init?: OperationInit) => call("get", path, init)) as CallMethod<"get">,
    POST: ((path: string, init?: OperationInit) => call("post", path, init)) as CallMethod<"post">,
    PUT: ((path: string, init?: OperationInit) => call("put", path, init)) as CallMethod<"put">,
    PATCH: ((path: string, init?: OperationInit) => call("patch", path, init)) as CallMethod<"patch">,
    DELETE: ((path: string, init?: OperationInit) => call("delete", path, init)) as CallMethod<"delete">,
    stream: stream as FriendliClient["stream"],
    withOptions: (overrides) => buildClient(resolveClientOptions(overrides, resolved)),
    options: Object.freeze({ ...visible, hasToken: token !== null }),
    fetch: rawFetch,
  };
  return attachInternals(client, {
    options: resolved,
    transport,
    call: async (method, specPath, init) => (await call(method as Method, specPath, init)).data,
    stream: (specPath, init) => stream(specPath, init),
  });
}

/** The spec's own header parameters of a call (`X-Friendli-Team`), lower-cased, nulls left out. */
function headerParams(header: Record<string, unknown> | undefined): Record<string, string> {
  const out: Record<string, string> = {};
  for (const [name, value] of Object.entries(header ?? {})) {
    if (value !== undefined && value !== null) out[name.toLowerCase()] = String(value);
  }
  return out;
}

/**
 * The parsed JSON of a success answer. Where the spec promises JSON, an empty or
 * unparsable body is an InvalidResponseError rather than `undefined` or a SyntaxError.
 */
function readJsonResult(sent: SentResponse, route: RouteFacts | undefined, label: string) {
  const { response, text } = sent;
  if (text === undefined) return undefined;
  const expected = route?.jsonResult ?? false;
  const init = { status: response.status, headers: response.headers, body: text };
  if (text === "") {
    if (!expected) return undefined;
    throw new InvalidResponseError(
      `${label} answered ${response.status} with an empty body where JSON was expected`,
      init,
    );
  }
  try {
    return JSON.parse(text);
  } catch (cause) {
    if (!expected && !response.headers.get("content-type")?.includes("json")) return text;
    throw redactError(
      new InvalidResponseError(
        `${label} answered ${response.status} with a body that is not JSON: ${text.slice(0, 80)}`,
        init,
        { cause },
      ),
      sent.secret,
    );
  }
}
