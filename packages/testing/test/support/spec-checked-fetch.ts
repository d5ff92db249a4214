import { fileURLToPath } from "node:url";
import { loadSpecIndex } from "../../src/mock/spec-operations.ts";
import { responseValidator, toIssues } from "../../src/spec-check/response-validator.ts";
import { JSON_TYPE, type SpecOperation } from "../../src/spec-check/spec-index.ts";

/** The normalised spec the mock checks its answers against, as shipped in `dist/mock/`. */
export const spec = loadSpecIndex(
  fileURLToPath(new URL("../../dist/mock/friendli-openapi.normalized.json", import.meta.url)),
);

/**
 * Any error body of the state: it must fit the spec's one error schema (HTTPValidationError),
 * whatever the status, since the spec describes no other.
 */
const errorShape = responseValidator(
  spec,
  {
    operationId: "state error",
    method: "GET",
    path: "/",
    specPath: "/",
    stream: false,
    streams: false,
    responses: {
      "4xx": { content: { [JSON_TYPE]: { schema: { $ref: "#/components/schemas/HTTPValidationError" } } } },
    },
  } satisfies SpecOperation,
  "4xx",
  JSON_TYPE,
);

/** The problems one JSON answer of the mock has against the spec (its own status's schema, or the error shape). */
export function answerProblems(method: string, path: string, status: number, body: unknown): string[] {
  const op = spec.match(method, path, false);
  if (!op) return [`${method} ${path}: no operation`];
  const validate = status >= 400 ? errorShape : responseValidator(spec, op, String(status), JSON_TYPE);
  if (status < 400 && !op.responses[String(status)]) return [`${op.operationId} ${status}: undeclared status`];
  if (!validate || validate(body)) return [];
  return toIssues(validate.errors).map((i) => `${op.operationId} ${status} ${i.path} ${i.message}`);
}

/**
 * A fetch for the SDK's clients that checks every JSON answer it passes on against the spec:
 * each stateful answer goes through the same validator scripted replies do. `problems` lists
 * what broke; a test asserts it is empty, and `checked` that answers were seen at all.
 */
export function specCheckedFetch() {
  const problems: string[] = [];
  let checked = 0;
  const checkedFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const response = await fetch(request);
    const url = new URL(request.url);
    if (url.pathname.startsWith("/__storage/")) return response;
    if ((response.headers.get("content-type") ?? "").includes("application/json")) {
      checked += 1;
      problems.push(...answerProblems(request.method, url.pathname, response.status, await response.clone().json()));
    }
    return response;
  };
  return {
    fetch: checkedFetch,
    problems,
    get checked() {
      return checked;
    },
  };
}
