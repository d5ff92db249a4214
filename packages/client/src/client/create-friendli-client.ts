import createClient from "openapi-fetch";
import { APIError } from "../errors/api-error.ts";
import { InvalidInputError } from "../errors/friendli-error.ts";
import { type OperationId, operations } from "../generated/operations.ts";
import { Stream } from "../sse/stream.ts";
import { type ClientOptions, type ResolvedClientOptions, resolveClientOptions } from "../transport/client-options.ts";
import { createTransportFetch, type TransportFetch } from "../transport/create-transport-fetch.ts";
import { toFormData } from "./to-form-data.ts";
import type { CallMethod, Method, Paths, StreamEvent, StreamInit, StreamPath } from "./typed-methods.ts";

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
  readonly options: Readonly<Omit<ResolvedClientOptions, "token" | "fetch" | "logger">> & { hasToken: boolean };
  /** The fetch with auth, retries, timeouts and typed errors, for requests outside the spec paths. */
  readonly fetch: TransportFetch;
}

type Operation = (typeof operations)[OperationId];
const bySpecPath = new Map<string, Operation>(
  Object.values(operations).map((op): [string, Operation] => [`${op.method} ${op.specPath}`, op]),
);

/** Creates the low-level client: every spec operation, typed, over the shared runtime. */
export function createFriendliClient(options: ClientOptions = {}): FriendliClient {
  return buildClient(resolveClientOptions(options));
}

function buildClient(resolved: ResolvedClientOptions): FriendliClient {
  const transport = createTransportFetch(resolved);
  const api = createClient<Paths>({ baseUrl: resolved.baseURL, fetch: transport });

  // Checks that need no network, then openapi-fetch with the serializer the operation wants.
  const prepare = (method: Method, path: string, init: Record<string, unknown> = {}) => {
    const operation = bySpecPath.get(`${method} ${path}`);
    if (operation?.auth && !resolved.token) {
      throw new InvalidInputError(
        `${operation.operationId} needs a Friendli token: pass \`token\` or set FRIENDLI_TOKEN`,
      );
    }
    if (operation?.requestContentType === "multipart/form-data" && !init.bodySerializer) {
      return { ...init, bodySerializer: toFormData };
    }
    return init;
  };

  const call =
    (method: Method) =>
    async (path: string, init?: Record<string, unknown>): Promise<{ data: unknown; response: Response }> => {
      const upper = method.toUpperCase() as "GET";
      const result = await api[upper](path as never, prepare(method, path, init) as never);
      return { data: result.data, response: result.response };
    };

  const stream = async (path: string, init: Record<string, unknown> = {}) => {
    const controller = new AbortController();
    const userSignal = init.signal as AbortSignal | undefined;
    if (userSignal?.aborted) controller.abort(userSignal.reason);
    userSignal?.addEventListener("abort", () => controller.abort(userSignal.reason), { once: true });
    const body = init.body instanceof FormData ? init.body : { ...(init.body as object), stream: true };
    if (body instanceof FormData) body.set("stream", "true");
    const prepared = prepare("post", path, { ...init, body });
    const { response } = await api.POST(
      path as never,
      {
        ...prepared,
        body: prepared.bodySerializer ? toFormData(body) : body,
        bodySerializer: prepared.bodySerializer ? (b: unknown) => b : undefined,
        parseAs: "stream",
        signal: controller.signal,
        headers: { ...(init.headers as Record<string, string>), accept: "text/event-stream" },
      } as never,
    );
    const contentType = response.headers.get("content-type") ?? "";
    if (!contentType.includes("text/event-stream")) {
      await response.body?.cancel();
      throw new APIError(
        { status: response.status, headers: response.headers, body: null, method: "POST", url: response.url },
        `POST ${path.split("#")[0]} answered ${contentType || "no content type"} where an event stream was expected`,
      );
    }
    return Stream.fromSSEResponse(response, controller);
  };

  const { token, fetch: _fetch, logger: _logger, ...visible } = resolved;
  return {
    GET: call("get") as CallMethod<"get">,
    POST: call("post") as CallMethod<"post">,
    PUT: call("put") as CallMethod<"put">,
    PATCH: call("patch") as CallMethod<"patch">,
    DELETE: call("delete") as CallMethod<"delete">,
    stream: stream as FriendliClient["stream"],
    withOptions: (overrides) => buildClient(resolveClientOptions(overrides, resolved)),
    options: Object.freeze({ ...visible, hasToken: token !== null }),
    fetch: transport,
  };
}
