import type { OpenAPI3 } from "openapi-typescript";
import { describe, expect, it } from "vitest";
import { tinySpec } from "../spec/fixtures/tiny-openapi.ts";
import { binaryOnlyInUploads, mergeStreamVariants } from "../spec/normalize-spec.ts";
import { buildOperationIndex, renderRouteTable } from "./build-operation-index.ts";
import { generateTypes } from "./generate-types.ts";
import { type RoutePolicies, readRoutePolicies } from "./route-policies.ts";

/** Policies for the tiny spec: its operations safe to retry, over `retry`; its one stream ends with a sentinel. */
const TINY_RETRY: RoutePolicies["retry"] = {
  chat: { policy: "safe" },
  chatStream: { policy: "safe" },
  getItem: { policy: "safe" },
};
const policies = (retry: RoutePolicies["retry"]): RoutePolicies => ({
  retry: { ...TINY_RETRY, ...retry },
  streams: { rules: { sentinel: { done: "[DONE]" } }, operations: { chatStream: "sentinel" } },
});

describe("codegen", () => {
  it("indexes every operation with its path, tag, stream flag and auth", () => {
    const index = buildOperationIndex(mergeStreamVariants(tinySpec()));
    expect(index.map((op) => [op.operationId, op.path, op.stream, op.auth])).toEqual([
      ["chat", "/v1/chat", false, true],
      ["chatStream", "/v1/chat", true, true],
      ["getItem", "/v1/items/{item_id}", false, false],
    ]);
  });

  it("each route descriptor holds its operationId, method, spec key and flags: token, team, multipart, JSON result, retry", () => {
    const table = renderRouteTable(buildOperationIndex(mergeStreamVariants(tinySpec())), policies({}));
    expect(table).toContain(
      'export const chat: Route<"/v1/chat", "post"> = { id: "chat", method: "post", path: "/v1/chat", flags: 25 };',
    );
    expect(table).toContain(
      'export const getItem: Route<"/v1/items/{item_id}", "get"> = { id: "getItem", method: "get", path: "/v1/items/{item_id}", flags: 26 };',
    );
  });

  it("a stream route carries its rule from the stream rules, and a stream without one fails codegen", () => {
    const index = buildOperationIndex(mergeStreamVariants(tinySpec()));
    const table = renderRouteTable(index, policies({}));
    expect(table).toContain('const sentinelRule: StreamRule = {"done":"[DONE]"};');
    expect(table).toContain("flags: 17, stream: sentinelRule };");
    const without = { ...policies({}), streams: { rules: { sentinel: { done: "[DONE]" } }, operations: {} } };
    expect(() => renderRouteTable(index, without)).toThrow(/chatStream has no rule in spec\/stream-rules.json/);
  });

  it("one table lists every route by operationId, in spec order, and the routes are data only", () => {
    const index = buildOperationIndex(mergeStreamVariants(tinySpec()));
    const table = renderRouteTable(index, policies({}));
    const rows = index.map((e) => `  ${e.operationId},`);
    expect(table).toContain(["export const operations = {", ...rows, "} as const;"].join("\n"));
    expect(index.every((e) => table.includes(`export const ${e.operationId}: Route<`))).toBe(true);
    // Nothing but types imported: the adapter that reads the table bundles no stream reader.
    expect(table.match(/^import .*$/gm)?.every((line) => line.startsWith("import type "))).toBe(true);
  });

  it("the retry policy decides the retry flag, every operation outside inference but a GET needs an entry, a stale one is ignored", () => {
    const index = buildOperationIndex(mergeStreamVariants(tinySpec()));
    const entry = { ...index[0], operationId: "dedicatedCreateEndpoint" } as (typeof index)[number];
    const unsafe: RoutePolicies = { ...policies({}), retry: { dedicatedCreateEndpoint: { policy: "unsafe" } } };
    expect(renderRouteTable([entry], unsafe)).toContain("flags: 9 };");
    const stateful = { ...entry, operationId: "newThing", tag: "Dataset" };
    expect(() => renderRouteTable([stateful], { ...unsafe, retry: {} })).toThrow(/newThing \(Dataset\) has no entry/);
    // An entry for an operation the spec removed generates nothing and stops nothing (spec:check lists it).
    const withGone = renderRouteTable([entry], { ...unsafe, retry: { ...unsafe.retry, gone: { policy: "safe" } } });
    expect(withGone).toBe(renderRouteTable([entry], unsafe));
    // A GET reads only: safe to send again without an entry, and the file may still say otherwise.
    const read = { ...stateful, method: "get" as const };
    expect(renderRouteTable([read], { ...unsafe, retry: {} })).toMatch(/flags: 25 };/);
    expect(renderRouteTable([read], { ...unsafe, retry: { newThing: { policy: "unsafe" } } })).toMatch(/flags: 9 };/);
  });

  it("the committed policies cover the pinned spec (every stream has a rule, every stateful operation a retry entry)", () => {
    const real = readRoutePolicies();
    expect(Object.keys(real.retry).length).toBeGreaterThan(30);
    expect(real.retry.dedicatedRestartEndpoint?.policy).toBe("unsafe");
    expect(real.retry.add_samples?.policy).toBe("unsafe");
    expect(real.streams.operations.serverlessChatStream).toBe("done-sentinel");
  });

  it("a binary query parameter (a cursor) is typed as text", async () => {
    const types = await generateTypes(binaryOnlyInUploads(mergeStreamVariants(tinySpec())) as unknown as OpenAPI3);
    expect(types).toMatch(/cursor\?: string \| null;/);
  });

  it("same spec, same bytes", async () => {
    const doc = () => mergeStreamVariants(tinySpec()) as unknown as OpenAPI3;
    const [a, b] = [await generateTypes(doc()), await generateTypes(doc())];
    expect(a).toBe(b);
    const index = () => buildOperationIndex(doc() as never);
    expect(renderRouteTable(index(), policies({}))).toBe(renderRouteTable(index(), policies({})));
  });

  it("fields with a default stay optional, so a minimal request type-checks", async () => {
    const types = await generateTypes(mergeStreamVariants(tinySpec()) as unknown as OpenAPI3);
    expect(types).toMatch(/stream\?: boolean/);
    expect(types).toMatch(/model: string/);
  });
});
