import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { parse } from "yaml";
import { buildOperationIndex, type OperationEntry } from "../codegen/build-operation-index.ts";
import { mergeStreamVariants, type OpenApiDocument } from "../spec/normalize-spec.ts";
import { rawSpecFile } from "../spec/paths.ts";
import { checkCoverage, formatCoverage } from "./check-coverage.ts";
import { exercisedOperations } from "./exercised-operations.ts";
import { handKeptLists, staleEntries } from "./hand-kept-lists.ts";

const op = (operationId: string, method: OperationEntry["method"], path: string, stream = false): OperationEntry => ({
  operationId,
  method,
  path,
  specPath: stream ? `${path}#stream` : path,
  tag: "T",
  stream,
  requestContentType: null,
  auth: true,
  team: false,
  jsonResult: true,
});
const index = [
  op("chat", "post", "/v1/chat"),
  op("chatStream", "post", "/v1/chat", true),
  op("getItem", "get", "/v1/items/{id}"),
  op("newThing", "get", "/v1/new"),
];

describe("spec:check", () => {
  it("counts a call for the operation it reached, stream or not, when it succeeded", () => {
    const exercised = exercisedOperations(
      [
        { method: "POST", path: "/v1/chat", stream: true, status: 200 },
        { method: "GET", path: "/v1/items/abc", stream: false, status: 200 },
        { method: "GET", path: "/v1/new", stream: false, status: 422 },
      ],
      index,
    );
    expect([...exercised].sort()).toEqual(["chatStream", "getItem"]);
  });

  it("an operation with neither a wrapper nor a reasoned entry fails the check", () => {
    const { rows, problems } = checkCoverage({
      index,
      wrappers: { "@x/inference": { chat: "chat.complete", chatStream: "chat.stream", gone: "old.method" } },
      lowLevelOnly: { getItem: "rarely used" },
      exercised: new Set(["chat"]),
    });
    expect(problems).toEqual([
      "newThing (T) has no wrapper method and no low-level-only entry",
      "@x/inference maps gone, which is not in the spec",
    ]);
    expect(rows[0]).toEqual({
      operationId: "chat",
      tag: "T",
      wrapper: "@x/inference:chat.complete",
      lowLevelOnly: null,
      contractTested: true,
    });
    expect(formatCoverage(rows)).toContain("operations: 4; wrapped: 2; low-level only: 1; contract-tested: 1/4");
  });

  it("a hand-kept entry naming an operation the spec removed fails the check; the pinned spec has none", () => {
    const doc = parse(readFileSync(rawSpecFile, "utf8")) as OpenApiDocument;
    const known = new Set(buildOperationIndex(mergeStreamVariants(doc)).map((e) => e.operationId));
    const lists = handKeptLists();
    expect(staleEntries(lists, known)).toEqual([]);
    known.delete("getUsage");
    known.delete("serverlessChatStream");
    expect(staleEntries(lists, known)).toEqual([
      "spec/retry-policy.json lists getUsage, which is not in the spec",
      "spec/stream-rules.json lists serverlessChatStream, which is not in the spec",
    ]);
    expect(staleEntries({ "spec/low-level-only.json": ["gone"] }, known)).toEqual([
      "spec/low-level-only.json lists gone, which is not in the spec",
    ]);
  });
});
