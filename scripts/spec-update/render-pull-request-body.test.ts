import { describe, expect, it } from "vitest";
import { maxReportChars, renderPullRequestBody } from "./render-pull-request-body.ts";

const input = (report: string) => ({
  source: "https://example.invalid/openapi.yaml",
  oldSha256: "a".repeat(64),
  newSha256: "b".repeat(64),
  diff: { operations: { added: [], removed: [], changed: [] }, changes: [] } as never,
  report,
  bumps: new Map([["@friendli-ts/client", "patch" as const]]),
  broken: [],
  changesetFile: ".changeset/spec-bbbbbbbb.md",
});

describe("the spec update pull request body", () => {
  it("keeps a diff that fits whole", () => {
    const report = "operation added: getCost\n".repeat(10);
    expect(renderPullRequestBody(input(report))).toContain(report);
  });

  it("cuts a diff too long for a pull request at a line end, saying how much the changeset has beyond", () => {
    const line = "field added: response.usage.prompt_tokens_details\n";
    const report = line.repeat(Math.ceil((maxReportChars * 2) / line.length));
    const body = renderPullRequestBody(input(report));
    expect(body.length).toBeLessThan(65_536);
    expect(body).toMatch(/prompt_tokens_details\n… \d+ more characters: the changeset holds the whole diff\n```/);
    const shown = Number(/… (\d+) more characters/.exec(body)?.[1]);
    expect(report.length - shown).toBeLessThanOrEqual(maxReportChars);
    expect((report.length - shown) % line.length).toBe(0);
  });
});
