import type { LocalAnswer } from "./start-recording-proxy.ts";

/** One entry of Prism's `sl-violations` header. */
interface PrismViolation {
  location?: unknown;
  message?: unknown;
  code?: unknown;
}

/** One problem with a request, in the `detail` shape FastAPI-style servers (and this SDK) use. */
export interface ViolationDetail {
  loc: (string | number)[];
  msg: string;
  type: string;
  /** Where the spec writes the rule the request broke, e.g. `#/components/schemas/X/properties/y`. */
  rule?: string;
}

/** The JSON body of a rejected request: `error.message` for OpenAI-compatible clients, `detail` for each problem. */
export interface ViolationBody {
  error: { message: string; type: "invalid_request_error"; code: "request_violates_spec"; param: string | null };
  detail: ViolationDetail[];
}

/** The violations Prism found in the request (not in its own answer), read from its `sl-violations` header. */
export function requestViolations(header: string | string[] | undefined): ViolationDetail[] {
  if (typeof header !== "string") return [];
  let parsed: unknown;
  try {
    parsed = JSON.parse(header);
  } catch {
    return [];
  }
  if (!Array.isArray(parsed)) return [];
  return (parsed as PrismViolation[])
    .filter((v) => Array.isArray(v.location) && v.location[0] === "request" && typeof v.message === "string")
    .map((v) => ({
      loc: (v.location as unknown[]).slice(1).map((part) => (typeof part === "number" ? part : String(part))),
      msg: v.message as string,
      type: String(v.code ?? "violation"),
    }));
}

/** "body.messages.0.role: must be equal to one of the allowed values (spec: #/...); query.limit: must be integer" */
export function violationBody(details: ViolationDetail[]): ViolationBody {
  const list = details.map((d) => `${d.loc.join(".") || "request"}: ${d.msg}`).join("; ");
  const first = details[0];
  return {
    error: {
      message: `the request does not follow the API spec: ${list}`,
      type: "invalid_request_error",
      code: "request_violates_spec",
      param: first && first.loc.length > 1 ? first.loc.slice(1).join(".") : null,
    },
    detail: details,
  };
}

/**
 * The answer to a request Prism refused for breaking the spec, or undefined when it did not:
 * the violations said in the body (Prism lists them only in its `sl-violations` header, kept),
 * and the status clients read for such a request. Prism says 400 where the operation lists no
 * 422; the API refuses a body that breaks its schema with 422, so clients see that.
 */
export function violationAnswer(
  status: number,
  header: string | string[] | undefined,
  ruleOf?: (loc: (string | number)[]) => string | undefined,
): LocalAnswer | undefined {
  const refusal = refusalAnswer(status === 400 ? 422 : status, requestViolations(header), ruleOf);
  return refusal && { ...refusal, headers: { "sl-violations": String(header) } };
}

/**
 * The answer to a request refused for breaking the spec, whichever check found the problems
 * (Prism's in the server mode, the in-process check): each said once, with the spec path of
 * the rule it broke; undefined when there is nothing to refuse.
 */
export function refusalAnswer(
  status: number,
  problems: ViolationDetail[],
  ruleOf?: (loc: (string | number)[]) => string | undefined,
): LocalAnswer | undefined {
  const seen = new Set<string>();
  const violations = problems
    // A check may list one violation several times (once per branch of a union it tried).
    .filter((v) => {
      const key = JSON.stringify([v.loc, v.msg]);
      return !seen.has(key) && Boolean(seen.add(key));
    })
    .map((v) => {
      const rule = ruleOf?.(v.loc);
      // Said in `msg` too, so every client's error message names the rule.
      return rule === undefined ? v : { ...v, msg: `${v.msg} (spec: ${rule})`, rule };
    });
  if (violations.length === 0 || status < 400) return undefined;
  return { status, json: violationBody(violations) };
}
