import { InvalidInputError } from "../errors/friendli-error.ts";
import type { Method, Route, SpecPath } from "../operations/route.ts";
import { hasFlag } from "../operations/route.ts";
import type { Stream } from "../sse/stream.ts";
import { checkHeaders } from "../transport/check-header-value.ts";
import { checkLimit } from "../transport/client-options.ts";
import type { OutgoingRequest, WireBody } from "../transport/create-transport.ts";
import { responseOfBody } from "../transport/read-body-capped.ts";
import { keepSecret } from "../transport/secret-of.ts";
import { appendQuery } from "./append-query.ts";
import type { CallCore } from "./call-core.ts";
import { type CallOptions, resolveCall } from "./call-options.ts";
import { type AnswerProblem, checkedAnswer } from "./checked-answer.ts";
import { fillPathTemplate } from "./fill-path-template.ts";
import type { OpenStream } from "./open-stream.ts";
import { readJsonResult } from "./read-json-result.ts";
import type { HandOver } from "./releasing-body.ts";
import { serializeBody } from "./serialize-body.ts";
import type { CallParams, CallResult, StreamEvent, StreamPath, SuccessData } from "./typed-methods.ts";

/**
 * One call of a spec operation: its generated route, the parameters the spec gives that
 * route (typed from it, so a wrong query name does not compile) and its body (typed and
 * checked by the wrapper's own method, which often reshapes it first).
 */
export interface OperationCall<P extends SpecPath = SpecPath, M extends Method = Method> {
  route: Route<P, M>;
  params?: CallParams<P, M> | undefined;
  body?: unknown;
}

/**
 * A call of a stream route, with what opens its events (`openStream` from the client). It
 * comes with the call rather than with the route, so the routes stay data and an app that
 * opens no stream bundles no stream reader.
 */
export interface StreamCall<P extends StreamPath> extends OperationCall<P, "post"> {
  openStream: OpenStream;
}

/** A spec key of an operation that answers once (a stream route's call is a `StreamCall`). */
export type NonStreamPath = Exclude<SpecPath, StreamPath>;

/** An operation call whose route is known only at run time (the typed methods' path argument). */
export interface AnyOperationCall {
  route: Route;
  params?: OperationParams | undefined;
  body?: unknown;
  /** What opens the events when the route turns out to be a stream route. */
  openStream?: OpenStream | undefined;
}

/**
 * A request outside the spec's operations: `client.fetch` (the API's origin, token and team
 * as for an operation; the answer handed back unread) or, with `plain`, storage and media
 * hosts (no token, no team, no default or call headers, no `onResponse`; the answer read
 * within the timeout).
 */
export interface UrlCall {
  url: string;
  method: string;
  body?: WireBody | undefined;
  plain?: boolean;
  /**
   * The spec operation the URL is of (the openapi-fetch adapter builds the URL itself): the
   * token, the team and retries follow its flags, and where it promises JSON the answer is checked.
   */
  route?: Route | undefined;
  /**
   * Hands the answer back at its headers, its body unread (`client.fetch`, a stream through
   * the openapi-fetch adapter): `responseReadByCaller`, which keeps the idle timeout and the
   * call's signal on the body. It comes with the call, like a stream call's `openStream`, so
   * an app that makes no such call bundles none of it. Without it the door reads the body
   * within the timeout: bytes for `plain`, else text.
   */
  handOver?: HandOver | undefined;
  /**
   * The Response handed back over the answer's text, read within the timeout (default:
   * `responseOfBody`). The fetch client passes `responseOfText`, which builds no body stream
   * for openapi-fetch to read back; it comes with the call, so other apps bundle none of it.
   */
  responseOfText?: ((text: string, like: Response) => Response) | undefined;
  /** Whether a retry after the server may have acted is harmless. Default: true for GET. */
  retrySafe?: boolean;
  /** Bytes the answer may have (`plain` only). Default: the client's `maxResponseBytes`. */
  maxBytes?: number;
}

/** A spec operation's own inputs: its parameters (path, query, header) and its body. */
export interface OperationParams {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  header?: Record<string, unknown>;
}

/** The spec key without its `#stream` fragment. */
function pathOfSpecKey(specPath: string): string {
  const hash = specPath.indexOf("#");
  return hash < 0 ? specPath : specPath.slice(0, hash);
}

/**
 * The request of one call of `route`: path parameters checked and filled, query appended,
 * the spec's header parameters and the call's headers merged, the body serialized (JSON or
 * multipart, as the route takes; `stream: true` added for a stream route). A bad parameter
 * or a body JSON cannot carry throws an InvalidInputError here, before the network.
 */
function operationRequest(
  baseURL: string,
  route: Route,
  params: OperationParams | undefined,
  body: unknown,
  callHeaders: Record<string, string>,
): OutgoingRequest {
  const stream = route.stream !== undefined;
  const path = appendQuery(fillPathTemplate(pathOfSpecKey(route.path), params?.path), params?.query);
  // Lower-cased and checked like every other header; nulls left out. `callHeaders` is this call's own copy.
  const headers = params?.header
    ? Object.assign(callHeaders, checkHeaders(params.header as Record<string, string>, "params.header"))
    : callHeaders;
  const streamed = stream && !(body instanceof FormData) ? { ...(body as object), stream: true } : body;
  const serialized = serializeBody(streamed, hasFlag(route, "multipart"));
  if (serialized instanceof FormData && stream) serialized.set("stream", "true");
  if (typeof serialized === "string") headers["content-type"] ??= "application/json";
  if (stream) headers.accept = "text/event-stream";
  else headers.accept ??= "application/json";
  return { method: route.method.toUpperCase(), url: baseURL + path, headers, body: serialized, route, stream };
}

/**
 * The one door from every method (typed, wrapper, stream, `client.fetch`, storage) to the
 * transport: resolves the call options, builds the request, sends it, releases the caller's
 * signal, calls `onResponse` and reads the result: for a stream route the stream of its
 * events, for another route its JSON and response, for a URL call the response.
 */
export function makeRequest<P extends StreamPath>(
  core: CallCore,
  call: StreamCall<P>,
  options?: CallOptions,
): Promise<Stream<StreamEvent<P>>>;
export function makeRequest<P extends NonStreamPath, M extends Method>(
  core: CallCore,
  call: OperationCall<P, M>,
  options?: CallOptions,
): Promise<CallResult<SuccessData<P, M>>>;
export function makeRequest(core: CallCore, call: UrlCall, options?: CallOptions): Promise<Response>;
export async function makeRequest(
  core: CallCore,
  call: AnyOperationCall | UrlCall,
  options: CallOptions = {},
): Promise<unknown> {
  const { options: client, transport } = core;
  // A plain request (storage, media) takes the call's signal, timeout and retries only: its
  // headers are meant for the API (they may carry credentials) and `onResponse` sees API answers.
  const plainCall = "url" in call && call.plain === true;
  const settings = resolveCall(
    client,
    plainCall ? { signal: options.signal, timeout: options.timeout, maxRetries: options.maxRetries } : options,
  );
  const { route } = call;
  if (route && hasFlag(route, "auth") && client.token === null) {
    throw new InvalidInputError(`${route.id} needs a Friendli token: pass \`token\` or set FRIENDLI_TOKEN`);
  }
  let request: OutgoingRequest;
  if (!("url" in call)) {
    request = operationRequest(client.baseURL, call.route, call.params, call.body, settings.headers);
  } else {
    const { url, method, body, plain = false, handOver, retrySafe, maxBytes } = call;
    request = {
      method,
      url,
      headers: settings.headers,
      body,
      route,
      plain,
      stream: handOver !== undefined,
      retrySafe: retrySafe ?? method === "GET",
      ...(maxBytes === undefined ? {} : { maxBytes: checkLimit("maxBytes", maxBytes) }),
    };
  }

  const sent = await transport(request, settings);
  const path = request.url.slice(client.baseURL.length);
  if (!("url" in call)) {
    const { route } = call;
    if (route.stream && call.openStream) {
      return call.openStream(sent, route.stream, settings, client.maxEventBytes, `${request.method} ${path}`);
    }
    sent.release();
    const data = readJsonResult(sent, route, request.method, path);
    // A helper that builds an error from the result (chat.parse) redacts it with `secretOf(data, core)`:
    // a token function's token may differ per call, so it is recorded; a fixed one the core holds.
    if (typeof client.token === "function") keepSecret(data, sent.secret);
    settings.onResponse?.(sent.response);
    return { data, response: sent.response };
  }

  let response = sent.response;
  if (call.handOver) {
    response = call.handOver(sent, settings);
  } else {
    sent.release();
    // Where the spec promises JSON, an empty or broken body is an InvalidResponseError here too.
    if (route && hasFlag(route, "jsonResult")) readJsonResult(sent, route, request.method, path);
    if (sent.text !== undefined) response = (call.responseOfText ?? responseOfBody)(sent.text, sent.response);
  }
  try {
    settings.onResponse?.(response);
  } catch (error) {
    // The caller never gets the response to read or close: close it here.
    sent.controller.abort();
    sent.release();
    throw error;
  }
  return response;
}

/**
 * `makeRequest` for a route looked up at run time, as the typed methods do (their own
 * signatures type the call): the same function, without the route's types.
 */
export const makeRequestForAnyRoute = makeRequest as (
  core: CallCore,
  call: AnyOperationCall,
  options?: CallOptions,
) => Promise<unknown>;

/**
 * How every wrapper method calls its operation: through the door, then the checks its answer
 * must pass (the fields the wrapper reads; see `checkedAnswer`), and back comes the data.
 * `what` names the method in an error about the answer (`"datasets.list"`).
 */
export async function requestData<P extends NonStreamPath, M extends Method>(
  core: CallCore,
  what: string,
  call: OperationCall<P, M>,
  options: CallOptions | undefined,
  ...problems: AnswerProblem[]
): Promise<SuccessData<P, M>> {
  const answer = await makeRequest(core, call, options);
  return problems.length === 0 ? answer.data : checkedAnswer(core, answer, what, ...problems);
}
