import {
  eventIssues,
  type ReplyEvent,
  type ReplyIssue,
  responseValidator,
  statusIssue,
  toIssues,
} from "../spec-check/response-validator.ts";
import { JSON_TYPE, type SpecIndex, type SpecOperation, SSE } from "../spec-check/spec-index.ts";
import { type AnswerFaults, faultProblems, faultsOf } from "./faults/answer-faults.ts";
import type { AnswerEvent } from "./faults/event-text.ts";

export type { ReplyEvent, ReplyIssue } from "../spec-check/response-validator.ts";

/**
 * A scripted answer that no server following the spec could send: its status is not one
 * the operation declares, or its body or an event breaks the spec's schema. The message
 * names the operation, the status, the first JSON path and the rule.
 */
export class MockReplyError extends Error {
  override name = "MockReplyError";
  readonly operationId: string;
  readonly status: number;
  readonly issues: ReplyIssue[];
  constructor(operationId: string, status: number, issues: ReplyIssue[], where = "") {
    const first = issues[0];
    super(`${operationId} ${status}${where}: ${first ? `${first.path} ${first.message}` : "invalid answer"}`);
    this.operationId = operationId;
    this.status = status;
    this.issues = issues;
  }
}

export interface ScriptedReply extends AnswerFaults {
  status?: number;
  body?: unknown;
  /** Events; one with `rawData` or `error` is a fault on purpose, sent unchecked. */
  events?: AnswerEvent[];
  headers?: Record<string, string>;
}

const isSuccess = (status: number) => status >= 200 && status < 300;

/**
 * Checks a scripted answer against the spec; throws MockReplyError when no server following
 * the spec could send it. Statuses the operation does not declare are refused for success
 * (2xx) and allowed for errors (any API can answer 401, 429 or 500), unchecked; so is a
 * body the spec gives no schema for.
 */
export function checkReply(spec: SpecIndex, op: SpecOperation, reply: ScriptedReply): void {
  const status = reply.status ?? 200;
  const id = op.operationId;
  const faults = faultsOf(reply);
  if (faults) {
    const events = Array.isArray(reply.events) ? reply.events : undefined;
    const problems = faultProblems(faults, events, reply.body !== undefined);
    if (problems.length > 0)
      throw new MockReplyError(
        id,
        status,
        problems.map((message) => ({ path: "/", message })),
      );
    // A reset sends no status and no body: nothing else to check.
    if (faults.reset) return;
  }
  if (!Number.isInteger(status) || status < 200 || status > 599) {
    throw new MockReplyError(id, status, [{ path: "/", message: "status must be an HTTP status from 200 to 599" }]);
  }
  const undeclared = statusIssue(op, status);
  if (undeclared) throw new MockReplyError(id, status, [undeclared]);
  const declared = op.responses[String(status)];
  if (reply.events !== undefined) {
    const variant = op.stream
      ? undefined
      : [...spec.byId.values()].find((o) => o.stream && o.method === op.method && o.path === op.path);
    if (variant) {
      throw new MockReplyError(id, status, [
        { path: "/", message: `is not a stream operation: stream requests go to ${variant.operationId}` },
      ]);
    }
    if (!op.streams || !declared?.content?.[SSE]) {
      throw new MockReplyError(id, status, [
        { path: "/", message: "is not an event stream in the spec: give `body`, not `events`" },
      ]);
    }
    if (!Array.isArray(reply.events)) {
      throw new MockReplyError(id, status, [{ path: "/", message: "`events` must be an array" }]);
    }
    const validate = responseValidator(spec, op, String(status), SSE);
    const sentinel = declared.content[SSE]?.["x-speakeasy-sse-sentinel"];
    reply.events.forEach((event, i) => {
      const where = ` event ${i}`;
      if (typeof event !== "object" || event === null) {
        throw new MockReplyError(id, status, [{ path: "/", message: "must be `{ event?, data }`" }], where);
      }
      // Faults on purpose: data that is not JSON, and an error in the middle of the stream.
      if ("rawData" in event) {
        if (typeof event.rawData === "string") return;
        throw new MockReplyError(id, status, [{ path: "/rawData", message: "must be a string" }], where);
      }
      if ("error" in event) return;
      if (!("data" in event)) {
        throw new MockReplyError(
          id,
          status,
          [{ path: "/", message: "must be `{ event?, data }`, `{ event?, rawData }` or `{ event?, error }`" }],
          where,
        );
      }
      const issues = eventIssues(validate, sentinel, event as ReplyEvent);
      if (issues.length > 0) throw new MockReplyError(id, status, issues, ` event ${i}`);
    });
    return;
  }
  if (op.stream && isSuccess(status)) {
    throw new MockReplyError(id, status, [
      { path: "/", message: "is an event stream: give `events: [{ event?, data }]`, not `body`" },
    ]);
  }
  const validate = responseValidator(spec, op, String(status), JSON_TYPE);
  if (!validate) return;
  if (reply.body === undefined) {
    throw new MockReplyError(id, status, [{ path: "/", message: "needs a `body`: the spec's answer is JSON" }]);
  }
  if (!validate(reply.body)) throw new MockReplyError(id, status, toIssues(validate.errors));
}
