import { FriendliError } from "./friendli-error.ts";

export interface ApiErrorInit {
  status: number;
  headers: Headers;
  /** The parsed JSON body, or the text when it was not JSON. */
  body: unknown;
  method: string;
  url: string;
}

/** The API answered with an error status. Subclasses say what kind, by status. */
export class APIError extends FriendliError {
  override name = "APIError";
  declare readonly status: number;
  declare readonly headers: Headers;
  declare readonly body: unknown;
  /** The `x-request-id` the API sent, to quote when asking Friendli support. */
  declare readonly requestId: string | null;
  declare readonly method: string;
  declare readonly url: string;

  constructor(init: ApiErrorInit, message?: string) {
    super(message ?? describeApiError(init));
    // In the order of the fields above, as their own properties were before they were `declare`d.
    this.status = init.status;
    this.headers = init.headers;
    this.body = init.body;
    this.requestId = init.headers.get("x-request-id") ?? init.headers.get("x-friendli-request-id");
    this.method = init.method;
    this.url = init.url;
  }
}

/** 400 */
export class BadRequestError extends APIError {
  override name = "BadRequestError";
}
/** 401: the token is missing, wrong or expired. */
export class AuthenticationError extends APIError {
  override name = "AuthenticationError";
}
/** 403: the token is valid but may not do this (team, role, plan). */
export class PermissionDeniedError extends APIError {
  override name = "PermissionDeniedError";
}
/** 404 */
export class NotFoundError extends APIError {
  override name = "NotFoundError";
}
/** 409 */
export class ConflictError extends APIError {
  override name = "ConflictError";
}

export interface ValidationIssue {
  /** Where the problem is, e.g. `["body", "messages", 0, "role"]`. */
  loc: (string | number)[];
  msg: string;
  type: string;
}

/** 422: the request was well-formed but its content was invalid; `issues` lists each problem. */
export class ValidationError extends APIError {
  override name = "ValidationError";
  declare readonly issues: ValidationIssue[];
  constructor(init: ApiErrorInit) {
    const issues = readValidationIssues(init.body);
    const summary = issues.map((i) => `${i.loc.join(".")}: ${i.msg}`).join("; ");
    // The issues say it all: a message of the body beside them (the mock's `error.message`,
    // for OpenAI-style clients) lists the same ones again.
    super(init, summary ? `${describeApiError({ ...init, body: undefined })}: ${summary}` : undefined);
    this.issues = issues;
  }
}
/** 429: too many requests or tokens; retried automatically before it reaches you. */
export class RateLimitError extends APIError {
  override name = "RateLimitError";
}
/** 5xx */
export class InternalServerError extends APIError {
  override name = "InternalServerError";
}

function readValidationIssues(body: unknown): ValidationIssue[] {
  const detail = (body as { detail?: unknown } | null)?.detail;
  if (!Array.isArray(detail)) return [];
  return detail.filter((d): d is ValidationIssue => typeof d === "object" && d !== null && "msg" in d);
}

/** "POST /serverless/v1/chat/completions answered 404: model not found" */
function describeApiError({ status, body, method, url }: ApiErrorInit): string {
  const path = safePath(url);
  const detail = messageFromBody(body);
  return `${method} ${path} answered ${status}${detail ? `: ${detail}` : ""}`;
}

function safePath(url: string): string {
  try {
    return new URL(url).pathname;
  } catch {
    return url;
  }
}

/** Finds a human message in the shapes Friendli error bodies take. */
export function messageFromBody(body: unknown): string | undefined {
  if (typeof body === "string") return body.slice(0, 500) || undefined;
  if (typeof body !== "object" || body === null) return undefined;
  const b = body as Record<string, unknown>;
  const nested = b.error as Record<string, unknown> | string | undefined;
  const candidates = [
    typeof nested === "string" ? nested : nested?.message,
    b.message,
    typeof b.detail === "string" ? b.detail : undefined,
    b.title,
  ];
  const found = candidates.find((c): c is string => typeof c === "string" && c.length > 0);
  return found?.slice(0, 500);
}
