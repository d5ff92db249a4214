import { InvalidInputError } from "../errors/friendli-error.ts";
import { findRoute } from "../operations/find-operation.ts";
import type { Route } from "../operations/route.ts";
import type { Stream } from "../sse/stream.ts";
import { headerRecord } from "../transport/check-header-value.ts";
import { type ClientOptions, type ResolvedClientOptions, resolveClientOptions } from "../transport/client-options.ts";
import type { WireBody } from "../transport/create-transport.ts";
import { attachCore, createCallCore } from "./call-core.ts";
import type { CallOptions } from "./call-options.ts";
import { makeRequest, makeRequestForAnyRoute, type OperationParams } from "./make-request.ts";
import { openStream } from "./open-stream.ts";
import { responseReadByCaller } from "./releasing-body.ts";
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

/** What a typed method takes at run time: the spec's parameters and body, and the call options. */
interface MethodInit extends CallOptions {
  params?: OperationParams;
  body?: unknown;
}

/** Creates the low-level client: every spec operation, typed, over the shared runtime. */
export function createFriendliClient(options: ClientOptions = {}): FriendliClient {
  return buildClient(resolveClientOptions(options));
}

/** The route of `method specPath`; a key the spec does not have is bad input. */
function routeOf(method: Method, specPath: string): Route {
  const route = findRoute(method, specPath);
  if (!route) throw new InvalidInputError(`${method.toUpperCase()} ${specPath} is not an operation of the spec`);
  return route;
}

function buildClient(resolved: ResolvedClientOptions): FriendliClient {
  const core = createCallCore(resolved);
  // A bad path rejects the call's promise rather than throwing. Not an async function: it
  // would wrap the door's promise in one more, a cost on every call (about 4 µs a call at
  // concurrency 64, measured against a local server).
  const call = (method: Method, specPath: string, init: MethodInit = {}): Promise<unknown> => {
    try {
      if (typeof init !== "object" || init === null) {
        throw new InvalidInputError(`${method.toUpperCase()} ${specPath}: the second argument must be an object`);
      }
      const { params, body, ...callOptions } = init;
      return makeRequestForAnyRoute(core, { route: routeOf(method, specPath), params, body, openStream }, callOptions);
    } catch (error) {
      return Promise.reject(error);
    }
  };
  const method = <M extends Method>(name: M) =>
    ((path: string, init?: MethodInit) => call(name, path, init)) as CallMethod<M>;

  const rawFetch = async (input: string | URL | Request, init: RequestInit & CallOptions = {}) => {
    const { signal, teamId, headers, timeout, idleTimeout, maxRetries, onResponse, ...requestInit } = init;
    const request = input instanceof Request ? input : undefined;
    const target = request?.url ?? String(input);
    let url: string;
    try {
      url = new URL(target, `${resolved.baseURL}/`).href;
    } catch (cause) {
      // Not quoted: a URL may carry credentials.
      throw new InvalidInputError("client.fetch: the URL given is not a valid URL", { cause });
    }
    const body = requestInit.body ?? (request?.body ? await request.arrayBuffer() : undefined);
    return makeRequest(
      core,
      {
        url,
        method: (requestInit.method ?? request?.method ?? "GET").toUpperCase(),
        body: body as WireBody,
        handOver: responseReadByCaller,
      },
      {
        signal: signal ?? request?.signal ?? undefined,
        teamId,
        timeout,
        idleTimeout,
        maxRetries,
        onResponse,
        headers: { ...headerRecord(request?.headers, "headers"), ...headerRecord(headers as HeadersInit, "headers") },
      },
    );
  };

  const { token, fetch: _fetch, logger: _logger, middleware: _middleware, ...visible } = resolved;
  const client: FriendliClient = {
    GET: method("get"),
    POST: method("post"),
    PUT: method("put"),
    PATCH: method("patch"),
    DELETE: method("delete"),
    stream: ((path: string, init?: MethodInit) => call("post", path, init)) as FriendliClient["stream"],
    withOptions: (overrides) => buildClient(resolveClientOptions(overrides, resolved)),
    options: Object.freeze({ ...visible, hasToken: token !== null }),
    fetch: rawFetch,
  };
  return attachCore(client, core);
}
