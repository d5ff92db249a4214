import type { OpenAPI3 } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { tinySpec } from "../spec/fixtures/tiny-openapi.ts";
import { binaryOnlyInUploads, mergeStreamVariants } from "../spec/normalize-spec.ts";
import { buildOperationIndex, renderOperationIndex, renderRouteTable } from "./build-operation-index.ts";
import { generateTypes } from "./generate-types.ts";

describe("codegen", () => {
  it("indexes every operation with its path, tag, stream flag and auth", () => {
    const index = buildOperationIndex(mergeStreamVariants(tinySpec()));
    expect(index.map((op) => [op.operationId, op.path, op.stream, op.auth])).toEqual([
      ["chat", "/v1/chat", false, true],
      ["chatStream", "/v1/chat", true, true],
      ["getItem", "/v1/items/{item_id}", false, false],
    ]);
  });

  it("the route table holds each route's operationId and flags: token, team, multipart, JSON result, retry", () => {
    const table = renderRouteTable(buildOperationIndex(mergeStreamVariants(tinySpec())));
    expect(table).toContain('export const chat: RouteEntry = ["chat", 25];');
    expect(table).toContain('export const chatStream: RouteEntry = ["chatStream", 17];');
    expect(table).toContain('export const getItem: RouteEntry = ["getItem", 26];');
    expect(table).toContain('"post /v1/chat": ["chat", 25],');
    expect(table).toContain('"post /v1/chat#stream": ["chatStream", 17],');
    expect(table).toContain('"get /v1/items/{item_id}": ["getItem", 26],');
  });

  it("the retry table decides the retry flag", () => {
    const entry = {
      ...buildOperationIndex(mergeStreamVariants(tinySpec()))[0],
      operationId: "dedicatedCreateEndpoint",
    };
    expect(renderRouteTable([entry as never])).toContain('["dedicatedCreateEndpoint", 9]');
  });

  it("a binary query parameter (a cursor) is typed as text", async () => {
    const types = await generateTypes(binaryOnlyInUploads(mergeStreamVariants(tinySpec())) as unknown as OpenAPI3);
    expect(types).toMatch(/cursor\?: string \| null;/);
  });

  it("same spec, same bytes", async () => {
    const doc = () => mergeStreamVariants(tinySpec()) as unknown as OpenAPI3;
    const [a, b] = [await generateTypes(doc()), await generateTypes(doc())];
    expect(a).toBe(b);
    expect(renderOperationIndex(buildOperationIndex(doc() as never))).toBe(
      renderOperationIndex(buildOperationIndex(doc() as never)),
    );
  });

  it("fields with a default stay optional, so a minimal request type-checks", async () => {
    const types = await generateTypes(mergeStreamVariants(tinySpec()) as unknown as OpenAPI3);
    expect(types).toMatch(/stream\?: boolean/);
    expect(types).toMatch(/model: string/);
  });
});
