import { InvalidInputError } from "../errors/friendli-error.ts";
import { routeFacts } from "../operations/route-facts.ts";
import type { Stream } from "../sse/stream.ts";
import { headerRecord } from "../transport/check-header-value.ts";
import { type ClientOptions, type ResolvedClientOptions, resolveClientOptions } from "../transport/client-options.ts";
import { createCallCore } from "./call-core.ts";
import { type CallOptions, type ResolvedCall, resolveCall } from "./call-options.ts";
import { attachInternals } from "./client-internals.ts";
import { operationTarget } from "./operation-target.ts";
import { type OperationInit, openOperationStream, sendOperation } from "./send-operation.ts";
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

/** Creates the low-level client: every spec operation, typed, over the shared runtime. */
export function createFriendliClient(options: ClientOptions = {}): FriendliClient {
  return buildClient(resolveClientOptions(options));
}

function buildClient(resolved: ResolvedClientOptions): FriendliClient {
  const core = createCallCore(resolved);
  const { transport } = core;
  // Async, so a bad parameter rejects the call's promise rather than throwing.
  const call = async (method: Method, specPath: string, init?: OperationInit) =>
    sendOperation(core, method, operationTarget(specPath, routeFacts(method, specPath), init?.params), init);
  const stream = async (specPath: string, init?: OperationInit) =>
    openOperationStream(core, operationTarget(specPath, routeFacts("post", specPath), init?.params), init);

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
      headers: { ...headerRecord(request?.headers, "headers"), ...headerRecord(headers as HeadersInit, "headers") },
    });
    const method = (requestInit.method ?? request?.method ?? "GET").toUpperCase();
    const body = requestInit.body ?? (request?.body ? await request.arrayBuffer() : undefined);
    const target = request?.url ?? String(input);
    let url: string;
    try {
      url = new URL(target, `${resolved.baseURL}/`).href;
    } catch (cause) {
      // Not quoted: a URL may carry credentials.
      throw new InvalidInputError("client.fetch: the URL given is not a valid URL", { cause });
    }
    const sent = await transport(
      { method, url, headers: settings.headers, body: body as never, stream: true },
      settings,
    );
    sent.release();
    try {
      settings.onResponse?.(sent.response);
    } catch (error) {
      // The caller never gets the response to read or close: close it here.
      sent.controller.abort();
      throw error;
    }
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
  return attachInternals(client, core);
}
