import { describe, expect, it } from "vitest";
import { maxBodyChars, maxListedTypeErrors, renderPullRequestBody } from "./render-pull-request-body.ts";
import type { TypeErrorEntry } from "./update-spec.ts";

const input = (report: string, broken: TypeErrorEntry[] = []) => ({
  source: "https://example.invalid/openapi.yaml",
  oldSha256: "a".repeat(64),
  newSha256: "b".repeat(64),
  diff: { operations: { added: [], removed: [], changed: [] }, changes: [] } as never,
  report,
  bumps: new Map([["@friendli-ts/client", "patch" as const]]),
  broken,
  changesetFile: ".changeset/spec-bbbbbbbb.md",
});
const typeError = (line: number): TypeErrorEntry => ({
  package: "@friendli-ts/inference",
  file: "src/families/chat.ts",
  line,
  message: "Property 'choices' does not exist on type 'never'.",
});

describe("the spec update pull request body", () => {
  it("keeps a diff that fits whole", () => {
    const report = "operation added: getCost\n".repeat(10);
    expect(renderPullRequestBody(input(report))).toContain(report);
  });

  it("cuts a diff too long for a pull request at a line end, saying how much the changeset has beyond", () => {
    const line = "field added: response.usage.prompt_tokens_details\n";
    const report = line.repeat(Math.ceil((maxBodyChars * 2) / line.length));
    const body = renderPullRequestBody(
      input(
        report,
        Array.from({ length: 200 }, (_, i) => typeError(i + 1)),
      ),
    );
    expect(body.length).toBeLessThanOrEqual(maxBodyChars);
    expect(body).toMatch(/prompt_tokens_details\n… \d+ more characters: the changeset holds the whole diff\n```/);
    const left = Number(/… (\d+) more characters/.exec(body)?.[1]);
    expect((report.length - left) % line.length).toBe(0);
    expect(body).toMatch(/<\/details>\n$/);
  });

  it("lists the first type errors and counts the rest", () => {
    const body = renderPullRequestBody(
      input(
        "",
        Array.from({ length: 200 }, (_, i) => typeError(i + 1)),
      ),
    );
    expect(body).toContain("**200 type error(s) against the new spec.**");
    expect(body).toContain(`src/families/chat.ts:${maxListedTypeErrors} Property`);
    expect(body).not.toContain(`src/families/chat.ts:${maxListedTypeErrors + 1} Property`);
    expect(body).toContain(`- … and ${200 - maxListedTypeErrors} more`);
  });

  it("stays within GitHub's limit when the breaking changes alone would not", () => {
    const changes = Array.from({ length: 3000 }, (_, i) => ({
      kind: "field-removed",
      breaking: true,
      operationId: `operation${i}`,
      path: "response.choices[].message.reasoning_content",
      message: "reasoning_content removed",
    }));
    const diff = { operations: { added: [], removed: [], changed: [] }, changes } as never;
    const body = renderPullRequestBody({ ...input("short diff\n"), diff });
    expect(body.length).toBeLessThanOrEqual(maxBodyChars);
    expect(body).toContain("3000 breaking change(s)");
    expect(body).toMatch(/reasoning_content removed\n… \d+ more characters: the changeset holds the whole diff$/);
  });
});
