import { describe, expect, it } from "vitest";
import type { ExampleRepair } from "./example-repairs.ts";
import { tinySpec } from "./fixtures/tiny-openapi.ts";
import { formatRepairReport, mergeStreamVariants, repairExamples, withoutFragmentPaths } from "./normalize-spec.ts";

describe("normalising the spec", () => {
  it("copies a stream variant's event-stream response onto its base operation", () => {
    const merged = mergeStreamVariants(tinySpec());
    const responses = merged.paths["/v1/chat"]?.post?.responses ?? {};
    const content = responses["200"]?.content;
    expect(Object.keys(content ?? {})).toEqual(["application/json", "text/event-stream"]);
    // The variant itself stays, so its types are still generated.
    expect(merged.paths["/v1/chat#stream"]).toBeDefined();
  });

  it("leaves its input alone and is deterministic", () => {
    const input = tinySpec();
    const before = JSON.stringify(input);
    const a = JSON.stringify(mergeStreamVariants(input));
    expect(JSON.stringify(input)).toBe(before);
    expect(JSON.stringify(mergeStreamVariants(tinySpec()))).toBe(a);
  });

  it("a variant with no base operation is an error that names it", () => {
    const spec = tinySpec();
    delete spec.paths["/v1/chat"];
    expect(() => mergeStreamVariants(spec)).toThrowError(/POST \/v1\/chat#stream has no base operation/);
  });

  it("the mock server's copy has no fragment paths", () => {
    expect(Object.keys(withoutFragmentPaths(mergeStreamVariants(tinySpec())).paths)).toEqual([
      "/v1/chat",
      "/v1/items/{item_id}",
    ]);
  });
});

describe("repairing published examples", () => {
  const spec = () => {
    const doc = tinySpec();
    const chat = doc.paths["/v1/chat"]?.post?.responses?.["200"]?.content?.["application/json"];
    if (chat) chat.examples = { Example: { value: { id: 42 } } };
    return doc;
  };
  const idAsString: ExampleRepair = {
    operation: "chat",
    status: "200",
    mediaType: "application/json",
    what: "`id` is a string",
    why: "the schema says string",
    broken: (example) => typeof (example as { id?: unknown })?.id === "number",
    repair: (example) => ({ id: String((example as { id: number }).id) }),
  };
  const addItemExample: ExampleRepair = {
    operation: "getItem",
    status: "200",
    mediaType: "application/json",
    what: "an example is added",
    why: "there is none",
    broken: (example) => example === undefined,
    repair: () => ({ name: "item" }),
  };

  it("replaces a named example's value, adds one where there is none, and reports each", () => {
    const input = spec();
    const before = JSON.stringify(input);
    const { doc, report } = repairExamples(input, [idAsString, addItemExample]);
    expect(JSON.stringify(input)).toBe(before);
    const chat = doc.paths["/v1/chat"]?.post?.responses?.["200"]?.content?.["application/json"];
    expect(chat?.examples).toEqual({ Example: { value: { id: "42" } } });
    expect(doc.paths["/v1/items/{item_id}"]?.get?.responses?.["200"]?.content?.["application/json"]?.example).toEqual({
      name: "item",
    });
    expect(report.applied.map((r) => r.operation)).toEqual(["chat", "getItem"]);
    expect(report.skipped).toEqual([]);
    expect(formatRepairReport(report, { verbose: true })).toBe(
      "corrected 2 published examples of the spec, for the mock server to answer with (scripts/spec/example-repairs.ts): chat 200, getItem 200",
    );
    expect(formatRepairReport(report)).toBe(
      'corrected 2 published examples of the spec, for the mock server to answer as a real server would ("pnpm generate --verbose" names them)',
    );
  });

  it("skips, and says so, a repair upstream made needless or whose answer is gone", () => {
    const { doc: once } = repairExamples(spec(), [idAsString]);
    const gone = { ...idAsString, operation: "removedOperation" };
    const { report } = repairExamples(once, [idAsString, gone]);
    expect(report.applied).toEqual([]);
    expect(report.skipped.map((r) => [r.operation, r.reason])).toEqual([
      ["chat", "the published example no longer has the problem"],
      ["removedOperation", "the spec has no such answer any more"],
    ]);
    expect(formatRepairReport(report).split("\n")).toEqual([
      'corrected 0 published examples of the spec, for the mock server to answer as a real server would ("pnpm generate --verbose" names them)',
      "repair not applied, chat 200 application/json: the published example no longer has the problem",
      "repair not applied, removedOperation 200 application/json: the spec has no such answer any more",
    ]);
  });

  it("a stream variant's repaired example reaches its base operation when merged", () => {
    const doc = tinySpec();
    const sse = doc.paths["/v1/chat#stream"]?.post?.responses?.["200"]?.content?.["text/event-stream"];
    if (sse) sse.example = 'data: {"broken"\n\n';
    const fix: ExampleRepair = {
      operation: "chatStream",
      status: "200",
      mediaType: "text/event-stream",
      what: "valid JSON",
      why: "it was not",
      broken: (example) => String(example).includes('{"broken"'),
      repair: () => 'data: {"fixed":true}\n\n',
    };
    const merged = mergeStreamVariants(repairExamples(doc, [fix]).doc);
    expect(merged.paths["/v1/chat"]?.post?.responses?.["200"]?.content?.["text/event-stream"]?.example).toBe(
      'data: {"fixed":true}\n\n',
    );
  });
});
