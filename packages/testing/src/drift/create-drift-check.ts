import type { Logger, Middleware } from "@friendli-ts/client";
import type { OperationId } from "@friendli-ts/client/internal";
import { DEFAULT_MAX_RESPONSE_BYTES, readBodyCapped, readSseBatches } from "@friendli-ts/client/internal";
import type { ValidateFunction } from "ajv/dist/2020.js";
import { responseSpec } from "../generated/response-spec.ts";
import {
  eventIssues,
  type ReplyIssue,
  responseValidator,
  statusIssue,
  toIssues,
} from "../spec-check/response-validator.ts";
import { indexSpec, JSON_TYPE, type SpecIndex, type SpecOperation, SSE } from "../spec-check/spec-index.ts";

/** One answer (or one event of a streamed answer) that breaks the pinned spec. */
export interface DriftReport {
  operationId: string;
  status: number;
  /** `body`, or `event 3` (counted from 0) in a stream. */
  where: string;
  /** Every rule broken: a JSON path into the body or event, and the rule. Never a value. */
  issues: ReplyIssue[];
  /** The answer's `x-request-id`, to find the call in the API's logs. */
  requestId: string | null;
}

export interface DriftCheckOptions {
  /** Called with each report, beside the warning the client's logger gets. */
  report?: (report: DriftReport) => void;
  /** The share of answers checked, from 0 to 1. Default 1: every answer. */
  sampleRate?: number;
  /** Check only these operations. Default: every operation. */
  operations?: readonly OperationId[];
}

/** The drift check: install it as a client `middleware`. */
export interface DriftCheck extends Middleware {
  /** Resolves once every answer seen so far is checked (a stream once it has ended). */
  settled(): Promise<void>;
}

/** One answer being checked. */
interface Answer {
  spec: SpecIndex;
  op: SpecOperation;
  /** The copy of the response this check reads. */
  copy: Response;
  base: Omit<DriftReport, "where" | "issues">;
  logger: Logger;
}

const NO_BODY = new Set([101, 204, 205, 304]);
// A log line names this many issues; `report` gets them all.
const LOGGED_ISSUES = 5;

/**
 * A middleware that checks each answer of the API against the spec this client was built
 * from, and reports every mismatch through the client's logger (a warning) and `report`.
 * It reads a copy of the body, so the call gets the answer unchanged, and it never makes a
 * call fail. Validators are compiled with ajv, which generates code: runtimes that forbid
 * `new Function` (Cloudflare Workers, pages with a strict CSP) log once that it is off.
 */
export function createDriftCheck(options: DriftCheckOptions = {}): DriftCheck {
  const sampleRate = options.sampleRate ?? 1;
  if (!(sampleRate >= 0 && sampleRate <= 1)) throw new RangeError(`sampleRate must be from 0 to 1, got ${sampleRate}`);
  const only = options.operations ? new Set<string>(options.operations) : undefined;
  const pending = new Set<Promise<void>>();
  let spec: SpecIndex | undefined;
  let off = false;

  function emit(logger: Logger, report: DriftReport): void {
    const shown = report.issues.slice(0, LOGGED_ISSUES).map((issue) => `${issue.path} ${issue.message}`);
    const more = report.issues.length - shown.length;
    logger.warn(
      `friendli: drift: ${report.operationId} ${report.status} ${report.where} breaks the spec: ${shown.join("; ")}${more > 0 ? `; and ${more} more` : ""}${report.requestId ? ` (request id ${report.requestId})` : ""}`,
    );
    try {
      options.report?.(report);
    } catch (error) {
      logger.error(`friendli: drift: the report callback threw: ${error instanceof Error ? error.message : error}`);
    }
  }

  /** The validator, or undefined when the spec has no schema or this runtime cannot compile one. */
  function validatorFor({ spec, op, base, logger }: Answer, type: string): ValidateFunction | undefined {
    try {
      return responseValidator(spec, op, String(base.status), type);
    } catch (error) {
      if (off) return undefined; // said once
      off = true;
      logger.warn(
        `friendli: drift: the check is off, no validator could be built here: ${error instanceof Error ? error.message : error}`,
      );
      return undefined;
    }
  }

  async function checkJson(answer: Answer): Promise<void> {
    const { copy, base, logger } = answer;
    const validate = validatorFor(answer, JSON_TYPE);
    if (!validate) return;
    let body: unknown;
    try {
      // Capped like the call's own read: a body past it fails the call, and is not checked.
      const { bytes } = await readBodyCapped(copy, DEFAULT_MAX_RESPONSE_BYTES, { reading: "the answer" });
      body = JSON.parse(new TextDecoder().decode(bytes));
    } catch {
      return; // A body that is not JSON fails the call itself (InvalidResponseError).
    }
    if (!validate(body)) emit(logger, { ...base, where: "body", issues: toIssues(validate.errors) });
  }

  async function checkEvents(answer: Answer): Promise<void> {
    const { op, copy, base, logger } = answer;
    const validate = validatorFor(answer, SSE);
    if (!copy.body || off) return;
    const sentinel = op.responses[String(base.status)]?.content?.[SSE]?.["x-speakeasy-sse-sentinel"];
    // A rule every event breaks is reported once per stream, at its first event.
    const seen = new Set<string>();
    let index = 0;
    for await (const messages of readSseBatches(copy.body)) {
      for (const message of messages) {
        const where = `event ${index++}`;
        let data: unknown = message.data;
        if (data !== "[DONE]") {
          try {
            data = JSON.parse(message.data);
          } catch {
            continue; // The stream itself fails on it (StreamParseError).
          }
        }
        const event = message.event === undefined ? { data } : { event: message.event, data };
        const fresh = eventIssues(validate, sentinel, event).filter(
          (issue) => !seen.has(`${issue.path} ${issue.message}`),
        );
        for (const issue of fresh) seen.add(`${issue.path} ${issue.message}`);
        if (fresh.length > 0) emit(logger, { ...base, where, issues: fresh });
      }
    }
  }

  return {
    onResponse({ operationId, response, logger }) {
      if (off || operationId === undefined || (only && !only.has(operationId))) return;
      if (sampleRate < 1 && Math.random() >= sampleRate) return;
      if (response.status >= 300 && response.status < 400) return; // redirects: the call follows or refuses them
      try {
        spec ??= indexSpec(responseSpec);
        const op = spec.byId.get(operationId);
        if (!op) return;
        const base = { operationId, status: response.status, requestId: response.headers.get("x-request-id") };
        const undeclared = statusIssue(op, response.status);
        if (undeclared) return emit(logger, { ...base, where: "body", issues: [undeclared] });
        if (NO_BODY.has(response.status) || !response.body) return;
        const stream = (response.headers.get("content-type") ?? "").includes(SSE);
        // A copy: the call reads the original as if nothing were here.
        const copy = response.clone();
        const check = (stream ? checkEvents : checkJson)({ spec, op, copy, base, logger })
          .catch(() => {}) // a body cut or aborted: the call itself reports that
          .finally(() => {
            pending.delete(check);
            // A copy left unread would hold every byte the call reads; a read one ignores this.
            copy.body?.cancel().catch(() => {});
          });
        pending.add(check);
      } catch (error) {
        logger.error(`friendli: drift: the check failed: ${error instanceof Error ? error.message : error}`);
      }
    },
    async settled() {
      while (pending.size > 0) await Promise.all(pending);
    },
  };
}
