import { existsSync, mkdirSync, mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { basename, join } from "node:path";
import { beforeEach, describe, expect, it } from "vitest";
import { parse, stringify } from "yaml";
import { buildOperationIndex, renderRouteTable } from "../codegen/build-operation-index.ts";
import { readRoutePolicies } from "../codegen/route-policies.ts";
import { tinySpec } from "../spec/fixtures/tiny-openapi.ts";
import { binaryOnlyInUploads, mergeStreamVariants, type OpenApiDocument } from "../spec/normalize-spec.ts";
import { rawSpecFile } from "../spec/paths.ts";
import { sha256Hex } from "../spec/sha256-hex.ts";
import { handKeptLists } from "../spec-check/hand-kept-lists.ts";
import { impactOf } from "../spec-diff/impact.ts";
import type { MethodTables } from "../spec-diff/method-tables.ts";
import { type TypeErrorEntry, type UpdateSpecContext, updateSpec } from "./update-spec.ts";

// Each test works in its own folder: a pin, a pinned spec, a generated folder, and a
// new spec that removes a response field (breaking) and adds an operation.
let dir: string;
let ctx: UpdateSpecContext;
let logs: string[];
let typeErrors: TypeErrorEntry[];
let generated: string;

const oldText = stringify(tinySpec());
// The chat operations belong to no wrapper; getCost (added by the new spec) to endpoints,
// which `friendli cost` calls. Datasets has methods, none of which the new spec touches.
const tables: MethodTables = {
  operations: { endpoints: { getCost: "cost.get" }, datasets: { getItem: "items.get" } },
  helpers: {},
  commands: { cost: ["endpoints.cost.get"], items: ["datasets.items.get"] },
  modelKinds: {},
};
function newText() {
  const spec = tinySpec();
  const chat = spec.paths["/v1/chat"]?.post as {
    responses: Record<string, { content: Record<string, { schema: { properties: object } }> }>;
  };
  chat.responses["200"]!.content["application/json"]!.schema.properties = {};
  spec.paths["/v1/cost"] = { get: { operationId: "getCost", tags: ["Cost"], responses: {} } };
  return stringify(spec);
}

beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), "friendli-update-"));
  logs = [];
  typeErrors = [];
  generated = join(dir, "generated");
  mkdirSync(generated);
  writeFileSync(join(generated, "schema.ts"), "// old types\n");
  writeFileSync(join(dir, "spec.yaml"), oldText);
  writeFileSync(
    join(dir, "lock.json"),
    JSON.stringify({
      file: "spec.yaml",
      sha256: sha256Hex(oldText),
      publishedAt: "2026-01-01",
      upstream: "https://example.invalid/old.yaml",
    }),
  );
  writeFileSync(join(dir, "new.yaml"), newText());
  ctx = {
    lockFile: join(dir, "lock.json"),
    rawSpecFile: join(dir, "spec.yaml"),
    changesetDir: join(dir, "changesets"),
    outputs: [generated],
    // Stands in for codegen: writes output derived from the pinned spec.
    generate: async () =>
      writeFileSync(join(generated, "schema.ts"), `// types of ${sha256Hex(readFileSync(join(dir, "spec.yaml")))}\n`),
    typecheck: async () => typeErrors,
    impact: async (diff, before, after) => impactOf(diff, before, after, tables, []),
    packageVersions: {
      "@friendli-ts/client": "0.1.0",
      "@friendli-ts/inference": "0.1.0",
      "@friendli-ts/endpoints": "1.2.0",
    },
    log: (line) => logs.push(line),
  };
});

const snapshot = () => [
  readFileSync(ctx.lockFile, "utf8"),
  readFileSync(ctx.rawSpecFile, "utf8"),
  readFileSync(join(generated, "schema.ts"), "utf8"),
];

describe("spec:update", () => {
  it("the pinned spec again: nothing changes", async () => {
    const before = snapshot();
    expect((await updateSpec(ctx.rawSpecFile, ctx)).status).toBe("unchanged");
    expect(snapshot()).toEqual(before);
  });

  it("re-pins, regenerates and writes a changeset with 0.x and 1.x bump rules", async () => {
    const result = await updateSpec(join(dir, "new.yaml"), ctx);
    expect(result.status).toBe("updated");
    expect(JSON.parse(readFileSync(ctx.lockFile, "utf8")).sha256).toBe(sha256Hex(newText()));
    expect(readFileSync(join(generated, "schema.ts"), "utf8")).toContain(sha256Hex(newText()));
    const changeset = readFileSync(result.changesetFile as string, "utf8");
    // A breaking change in a 0.x package is a minor bump; an addition to a 1.x one is minor,
    // to a 0.x one (the CLI, through `friendli cost`) a patch. The chat operations belong to
    // no wrapper, so only the client sees the removal; datasets, whose methods no change
    // hits, is not released; testing ships the new spec's mock.
    expect(changeset).toMatch(
      /^---\n"@friendli-ts\/cli": patch\n"@friendli-ts\/client": minor\n"@friendli-ts\/endpoints": minor\n"@friendli-ts\/testing": patch\n---/,
    );
    expect(changeset).toContain(
      "+ getCost GET /v1/cost added\n      -> methods: endpoints.cost.get\n      -> cli: friendli cost",
    );
    expect(changeset).toContain("@friendli-ts/datasets: not hit, not released");
    expect(changeset).toContain("1 operation(s) added, 0 removed, 1 changed; 1 breaking change(s).");
    expect(changeset).toContain("- chat response.id: id removed");
    expect(logs.join("\n")).toContain("bump: major");
  });

  it("wrappers that no longer compile: listed, and everything rolled back", async () => {
    typeErrors = [
      { package: "@friendli-ts/inference", file: "src/chat.ts", line: 3, message: "Property 'id' does not exist" },
    ];
    const before = snapshot();
    const result = await updateSpec(join(dir, "new.yaml"), ctx);
    expect(result).toMatchObject({ status: "rolled-back", broken: typeErrors });
    expect(snapshot()).toEqual(before);
    expect(logs.join("\n")).toContain("@friendli-ts/inference src/chat.ts:3 Property 'id' does not exist");
    expect(existsSync(ctx.changesetDir)).toBe(false);
  });

  it("with keep, broken wrappers are listed but the update stays, to be fixed in place", async () => {
    typeErrors = [{ package: "@friendli-ts/inference", file: "src/chat.ts", line: 3, message: "x" }];
    const result = await updateSpec(join(dir, "new.yaml"), ctx, { keep: true });
    expect(result.status).toBe("updated");
    expect(JSON.parse(readFileSync(ctx.lockFile, "utf8")).sha256).toBe(sha256Hex(newText()));
  });

  it("--typecheck hit checks only the wrappers a change hits; none checks nothing; the body says so", async () => {
    const asked: (string[] | undefined)[] = [];
    ctx.typecheck = async (packages) => {
      asked.push(packages);
      return [];
    };
    const summaryFile = join(dir, "summary.md");
    const lock = readFileSync(ctx.lockFile, "utf8");
    await updateSpec(join(dir, "new.yaml"), ctx, { typecheck: "none", summaryFile });
    expect(asked).toEqual([]);
    expect(readFileSync(summaryFile, "utf8")).toContain("Type-checked against the new spec: none");
    // Back to the old pin, then the same change with `hit`.
    writeFileSync(ctx.lockFile, lock);
    writeFileSync(ctx.rawSpecFile, oldText);
    await updateSpec(join(dir, "new.yaml"), ctx, { typecheck: "hit", summaryFile });
    expect(asked).toEqual([["@friendli-ts/cli", "@friendli-ts/endpoints"]]);
    expect(readFileSync(summaryFile, "utf8")).toContain(
      "Type-checked against the new spec: @friendli-ts/cli, @friendli-ts/endpoints (CI checks every package).",
    );
  });

  it("a failing step restores the pin and generated files and names the step", async () => {
    ctx.generate = async () => {
      writeFileSync(join(generated, "schema.ts"), "// half written");
      writeFileSync(join(generated, "extra.ts"), "// new file");
      throw new Error("codegen exploded");
    };
    const before = snapshot();
    await expect(updateSpec(join(dir, "new.yaml"), ctx)).rejects.toThrow(
      /failed at step "generate": codegen exploded\. The pin and the generated files are as they were/,
    );
    expect(snapshot()).toEqual(before);
    expect(existsSync(join(generated, "extra.ts"))).toBe(false);
  });

  it("a source that is not a spec fails at the diff step, changing nothing", async () => {
    writeFileSync(join(dir, "bad.yaml"), "hello: world\n");
    const before = snapshot();
    await expect(updateSpec(join(dir, "bad.yaml"), ctx)).rejects.toThrow(/step "diff"/);
    expect(snapshot()).toEqual(before);
  });

  it("with a summary file: the pull request body, written when the update stays", async () => {
    typeErrors = [
      { package: "@friendli-ts/inference", file: "src/chat.ts", line: 3, message: "no 'id' on the result" },
    ];
    const summaryFile = join(dir, "summary.md");
    const result = await updateSpec(join(dir, "new.yaml"), ctx, { keep: true, summaryFile });
    const body = readFileSync(summaryFile, "utf8");
    expect(body).toContain(`from ${join(dir, "new.yaml")}`);
    expect(body).toContain(`\`${sha256Hex(oldText).slice(0, 12)}\` → \`${sha256Hex(newText()).slice(0, 12)}\``);
    expect(body).toContain(`changeset: \`changesets/${basename(result.changesetFile as string)}\``);
    expect(body).toContain(
      "| `@friendli-ts/client` | minor | every operation's types |\n| `@friendli-ts/endpoints` | minor | `endpoints.cost.get` |",
    );
    expect(body).toContain("| `@friendli-ts/cli` | patch | `friendli cost` |");
    expect(body).toContain("Not released (none of their methods is hit): `@friendli-ts/datasets`.");
    expect(body).toContain("**1 type error(s) against the new spec.**");
    expect(body).toContain("- `@friendli-ts/inference` src/chat.ts:3 no 'id' on the result");
    expect(body).toContain("- chat response.id: id removed");
    expect(body).toMatch(
      /<details><summary>Full API diff<\/summary>\n\n```\n[\s\S]*bump: major[\s\S]*```\n\n<\/details>/,
    );
  });

  // The weekly update meets an operation upstream removed while spec/retry-policy.json still
  // decides its retries: codegen builds the routes without it, and the body asks a person to
  // delete the entry (spec:check fails on it until then).
  it("the pinned spec less one operation a hand-kept list names: the update finishes and its body lists the entry", async () => {
    const pinned = readFileSync(rawSpecFile, "utf8");
    const withoutUsage = parse(pinned) as OpenApiDocument & { paths: Record<string, unknown> };
    expect(withoutUsage.paths["/v1/team/usage"], "the pinned spec has GET /v1/team/usage").toBeDefined();
    delete withoutUsage.paths["/v1/team/usage"];
    writeFileSync(ctx.rawSpecFile, pinned);
    writeFileSync(ctx.lockFile, JSON.stringify({ file: "spec.yaml", sha256: sha256Hex(pinned), upstream: "x" }));
    writeFileSync(join(dir, "removed.yaml"), stringify(withoutUsage));
    // The routes as codegen writes them from the pin, with the repository's policies.
    ctx.generate = async () => {
      const doc = parse(readFileSync(ctx.rawSpecFile, "utf8")) as OpenApiDocument;
      const routes = renderRouteTable(
        buildOperationIndex(binaryOnlyInUploads(mergeStreamVariants(doc))),
        readRoutePolicies(),
      );
      writeFileSync(join(generated, "routes.ts"), routes);
    };
    ctx.handKeptLists = () => handKeptLists();
    const summaryFile = join(dir, "summary.md");
    const result = await updateSpec(join(dir, "removed.yaml"), ctx, { summaryFile });
    expect(result.status).toBe("updated");
    expect(readFileSync(join(generated, "routes.ts"), "utf8")).not.toContain("getUsage");
    const stale = ["spec/retry-policy.json lists getUsage, which is not in the spec"];
    expect(result.stale).toEqual(stale);
    expect(logs).toContain(`  ${stale[0]}`);
    const body = readFileSync(summaryFile, "utf8");
    expect(body).toContain("**1 hand-kept entry names a removed operation.**");
    expect(body).toContain(`- ${stale[0]}\n`);
  });

  it("no summary file when nothing changes or the update is rolled back, not even one left from before", async () => {
    const summaryFile = join(dir, "summary.md");
    writeFileSync(summaryFile, "from an earlier run");
    expect((await updateSpec(ctx.rawSpecFile, ctx, { summaryFile })).status).toBe("unchanged");
    expect(existsSync(summaryFile)).toBe(false);
    writeFileSync(summaryFile, "from an earlier run");
    typeErrors = [{ package: "@friendli-ts/inference", file: "src/chat.ts", line: 3, message: "x" }];
    expect((await updateSpec(join(dir, "new.yaml"), ctx, { summaryFile })).status).toBe("rolled-back");
    expect(existsSync(summaryFile)).toBe(false);
  });
});
