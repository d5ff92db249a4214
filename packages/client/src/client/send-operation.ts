import { APIError } from "../errors/api-error.ts";
import { InvalidInputError } from "../errors/friendli-error.ts";
import { InvalidResponseError } from "../errors/invalid-response-error.ts";
import type { RouteFacts } from "../operations/route-facts.ts";
import { Stream } from "../sse/stream.ts";
import { streamEndRuleFor } from "../sse/stream-end-rules.ts";
import { redactError } from "../transport/redact.ts";
import { keepSecret } from "../transport/secret-of.ts";
import type { SentResponse } from "../transport/send-request.ts";
import type { CallCore } from "./call-core.ts";
import { type CallOptions, resolveCall } from "./call-options.ts";
import type { OperationParams, OperationTarget } from "./operation-target.ts";
import { serializeWith } from "./serialize-body.ts";
import type { Method } from "./typed-methods.ts";

/** What a call of a spec path takes: its parameters, its body and the call options. */
export interface OperationInit extends CallOptions {
  /** Read by the caller into the target (`operationTarget`), not here. */
  params?: OperationParams;
  body?: unknown;
}

/** Everything a call needs that is known before the network: checked here, or it throws. */
function prepare(core: CallCore, { route, headers: fromParams, serialize }: OperationTarget, init: OperationInit) {
  const { options } = core;
  const { params: _, body, ...callOptions } = init;
  const call = resolveCall(options, callOptions);
  if (route?.auth && options.token === null) {
    throw new InvalidInputError(`${route.operationId} needs a Friendli token: pass \`token\` or set FRIENDLI_TOKEN`);
  }
  // `call.headers` is this call's own copy.
  const headers = fromParams ? Object.assign(call.headers, fromParams) : call.headers;
  const serialized = serializeWith(body, serialize);
  if (typeof serialized === "string") headers["content-type"] ??= "application/json";
  return { call, headers, serialized };
}

/** One call of a spec operation: the parsed JSON result and the response. */
export async function sendOperation(
  core: CallCore,
  method: Method,
  target: OperationTarget,
  init: OperationInit = {},
): Promise<{ data: unknown; response: Response }> {
  const { specPath, path, route } = target;
  const { call, headers, serialized } = prepare(core, target, init);
  headers.accept ??= "application/json";
  const upper = method.toUpperCase();
  const sent = await core.transport(
    { method: upper, url: core.options.baseURL + path, headers, body: serialized, route, schemaPath: specPath },
    call,
  );
  sent.release();
  const data = readJsonResult(sent, route, upper, path);
  call.onResponse?.(sent.response);
  return { data, response: sent.response };
}

/** Opens a spec stream operation (`...#stream`); resolves at the headers to the stream of its events. */
export async function openOperationStream(
  core: CallCore,
  target: OperationTarget,
  init: OperationInit = {},
): Promise<Stream<unknown>> {
  const { specPath, path, route } = target;
  const raw = init.body;
  const body = raw instanceof FormData ? raw : { ...(raw as object), stream: true };
  const { call, headers, serialized } = prepare(core, target, { ...init, body });
  // A form (given, or built from a multipart body) passes through serialization as itself.
  if (serialized instanceof FormData) serialized.set("stream", "true");
  headers.accept = "text/event-stream";
  const sent = await core.transport(
    {
      method: "POST",
      url: core.options.baseURL + path,
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
    throw redactError(
      new APIError(
        { status: response.status, headers: response.headers, body: null, method: "POST", url: response.url },
        `POST ${path} answered ${contentType || "no content type"} where an event stream was expected`,
      ),
      sent.secret,
    );
  }
  try {
    call.onResponse?.(response);
  } catch (error) {
    // Past the headers, nothing else would ever read or close this body.
    sent.controller.abort();
    sent.release();
    throw error;
  }
  return Stream.fromSSEResponse(response, sent.controller, {
    endRule: streamEndRuleFor(path),
    idleTimeout: call.idleTimeout,
    maxEventBytes: core.options.maxEventBytes,
    onEnd: sent.release,
    secret: sent.secret,
  });
}

/**
 * The parsed JSON of a success answer. Where the spec promises JSON, an empty or
 * unparsable body is an InvalidResponseError rather than `undefined` or a SyntaxError.
 */
export function readJsonResult(sent: SentResponse, route: RouteFacts | undefined, method: string, path: string) {
  const { response, text, secret } = sent;
  const expected = route?.jsonResult ?? false;
  // A 204 or 205 has no body. Where JSON is promised that is no answer, except for a delete,
  // which has nothing left to describe.
  if (text === undefined && (!expected || method === "DELETE")) return undefined;
  if (text) {
    try {
      // A helper that builds an error from the result (chat.parse) finds the call's secret by it.
      return keepSecret(JSON.parse(text), secret);
    } catch (cause) {
      if (!expected && !response.headers.get("content-type")?.includes("json")) return text;
      throw redactError(
        new InvalidResponseError(
          `${label(method, path)} answered ${response.status} with a body that is not JSON: ${text.slice(0, 80)}`,
          { status: response.status, headers: response.headers, body: text },
          { cause },
        ),
        secret,
      );
    }
  }
  if (!expected) return undefined;
  throw redactError(
    new InvalidResponseError(
      `${label(method, path)} answered ${response.status} with an empty body where JSON was expected`,
      { status: response.status, headers: response.headers, body: text ?? "" },
    ),
    secret,
  );
}

const label = (method: string, path: string) => `${method} ${path.split("?")[0]}`;
