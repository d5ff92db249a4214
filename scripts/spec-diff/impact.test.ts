import { describe, expect, it } from "vitest";
import { releaseTypes } from "../spec-update/render-changeset.ts";
import { diffSpecs } from "./diff-specs.ts";
import type { UsageSite } from "./find-usage-sites.ts";
import { formatDiff } from "./format-diff.ts";
import { impactOf } from "./impact.ts";
import { diffWithImpact } from "./impact-of-checkout.ts";
import type { MethodTables } from "./method-tables.ts";
import type { Schema, Spec } from "./types.ts";

const json = (ref: string) => ({
  content: { "application/json": { schema: { $ref: `#/components/schemas/${ref}` } } },
});

// A chat POST and its stream (both answer `ChatResult`, which holds `Usage`), a team cost
// GET (`CostResult`) and a dataset list (`DatasetList`).
function base(): Spec {
  return {
    paths: {
      "/v1/chat": {
        post: { operationId: "chat", tags: ["Serverless.Chat"], responses: { "200": json("ChatResult") } },
      },
      "/v1/chat#stream": {
        post: { operationId: "chatStream", tags: ["Serverless.Chat"], responses: { "200": json("ChatResult") } },
      },
      "/v1/cost": { get: { operationId: "getCost", tags: ["Cost"], responses: { "200": json("CostResult") } } },
      "/v1/datasets": {
        get: { operationId: "listDatasets", tags: ["Dataset"], responses: { "200": json("DatasetList") } },
      },
    },
    components: {
      schemas: {
        ChatResult: {
          type: "object",
          properties: { id: { type: "string" }, usage: { $ref: "#/components/schemas/Usage" } },
        },
        Usage: { type: "object", properties: { tokens: { type: "integer" } } },
        CostResult: { type: "object", properties: { total: { type: "number" }, unit: { type: "string" } } },
        DatasetList: { type: "object", properties: { items: { type: "array", items: { type: "string" } } } },
      },
    },
  };
}

const tables: MethodTables = {
  operations: {
    inference: { chat: "serverless.chat.complete", chatStream: "serverless.chat.stream" },
    endpoints: { getCost: "cost.get" },
    datasets: { listDatasets: "datasets.list" },
  },
  helpers: {},
  commands: { chat: ["inference.serverless.chat.stream"], cost: ["endpoints.cost.get"], mock: [] },
  modelKinds: { languageModel: ["serverless.chat.complete", "serverless.chat.stream"] },
};
const sites: UsageSite[] = [
  { where: "examples/cost.ts:7", call: "endpoints.cost.listAll", methods: ["endpoints.cost.get"] },
  { where: "README.md:12", call: "friendli chat", methods: ["inference.serverless.chat.stream"] },
  { where: "README.md:30", call: "datasets.datasets.list", methods: ["datasets.datasets.list"] },
  { where: "README.md:40", call: "client.POST /v1/chat", methods: [], operations: ["chat"] },
];
const schema = (spec: Spec, name: string) => spec.components?.schemas?.[name] as Schema;
function run(edit: (spec: Spec) => void) {
  const [before, after] = [base(), base()];
  edit(after);
  const diff = diffSpecs(before, after);
  return { diff, before, after, impact: impactOf(diff, before, after, tables, sites) };
}

describe("impact of a spec change", () => {
  it("a schema change reaches, through schema usage, the operations, methods, commands, models and docs", () => {
    const { impact } = run((s) => {
      schema(s, "Usage").properties = {};
    });
    expect(impact.changes).toEqual([
      {
        operations: ["chat", "chatStream"],
        unwrapped: [],
        methods: ["inference.serverless.chat.complete", "inference.serverless.chat.stream"],
        commands: ["friendli chat"],
        models: ["languageModel (serverless)"],
        usedIn: ["README.md:12", "README.md:40"],
      },
    ]);
    expect(Object.keys(impact.packages).sort()).toEqual([
      "@friendli-ts/ai-sdk",
      "@friendli-ts/cli",
      "@friendli-ts/client",
      "@friendli-ts/inference",
      "@friendli-ts/testing",
    ]);
    expect(impact.packages["@friendli-ts/cli"]).toEqual({ hits: ["friendli chat"], breaking: true, additive: false });
    expect(impact.notHit).toEqual(["@friendli-ts/datasets", "@friendli-ts/endpoints"]);
  });

  it("bumps follow the hits: a package none of whose methods is hit is not released", () => {
    const { impact } = run((s) => {
      schema(s, "CostResult").properties!.total = { type: "string" };
      schema(s, "CostResult").properties!.currency = { type: "string" };
    });
    const versions = { "@friendli-ts/endpoints": "1.0.0", "@friendli-ts/cli": "0.1.0", "@friendli-ts/client": "0.1.0" };
    const bumps = releaseTypes(new Map(Object.entries(impact.packages)), versions);
    expect(Object.fromEntries(bumps)).toEqual({
      "@friendli-ts/client": "minor",
      "@friendli-ts/testing": "patch",
      "@friendli-ts/endpoints": "major",
      "@friendli-ts/cli": "minor",
    });
  });

  it("an added operation with no wrapper method reaches the low-level client only", () => {
    const { impact } = run((s) => {
      s.paths["/v1/usage"] = {
        get: { operationId: "getUsage", tags: ["Usage"], responses: { "200": json("CostResult") } },
      };
    });
    expect(impact.changes[0]).toMatchObject({ operations: ["getUsage"], unwrapped: ["getUsage"], methods: [] });
    expect(Object.keys(impact.packages).sort()).toEqual(["@friendli-ts/client", "@friendli-ts/testing"]);
  });

  it("the text report follows each run of changes with what they reach, and ends with the packages", () => {
    const { diff, before, after, impact } = run((s) => {
      schema(s, "CostResult").properties!.total = { type: "string" };
      delete schema(s, "CostResult").properties!.unit;
      schema(s, "DatasetList").properties!.next = { type: "string" };
    });
    const report = formatDiff(diff, before, after, impact);
    expect(report).toContain(
      [
        "@friendli-ts/endpoints",
        "  ! CostResult.unit: unit removed",
        "  ! CostResult.total: type number -> string",
        "      -> methods: endpoints.cost.get",
        "      -> cli: friendli cost",
        "      -> used in: examples/cost.ts:7",
      ].join("\n"),
    );
    expect(report).toContain("  + DatasetList.next: optional next added\n      -> methods: datasets.datasets.list\n");
    expect(report).toContain("impact by package:\n  @friendli-ts/ai-sdk: not hit, not released\n");
    expect(report).toContain("  @friendli-ts/endpoints (breaking): endpoints.cost.get\n");
    expect(report).toContain("  @friendli-ts/cli (breaking): friendli cost\n");
  });

  it("the JSON puts each change's reach beside it, and the packages hit", () => {
    const { diff, impact } = run((s) => {
      schema(s, "CostResult").properties!.total = { type: "string" };
    });
    const out = diffWithImpact(diff, impact);
    expect(out.changes[0]).toMatchObject({
      schema: "CostResult",
      impact: { operations: ["getCost"], methods: ["endpoints.cost.get"], commands: ["friendli cost"] },
    });
    expect(out.packages["@friendli-ts/endpoints"]).toEqual({
      hits: ["endpoints.cost.get"],
      breaking: true,
      additive: false,
    });
    expect(out.notHit).toContain("@friendli-ts/inference");
  });
});
