import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { findUsageSites } from "./find-usage-sites.ts";
import type { MethodTables } from "./method-tables.ts";

const tables: MethodTables = {
  operations: {
    inference: { chatStream: "serverless.chat.stream", embed: "dedicated.embeddings.create" },
    endpoints: { getEndpoint: "get", getCost: "cost.get", status: "status" },
    datasets: { addSamples: "samples.add" },
  },
  helpers: {
    endpoints: { "cost.listAll": ["cost.get"], waitFor: ["status"] },
    datasets: { "handle.uploadSamples": ["samples.add"] },
  },
  commands: { cost: ["endpoints.cost.get"], "endpoints get": ["endpoints.get"], mock: [] },
  modelKinds: { embeddingModel: ["dedicated.embeddings.create"], languageModel: ["serverless.chat.stream"] },
};

let root: string;
const fence = "```";
beforeAll(() => {
  root = mkdtempSync(join(tmpdir(), "impact-sites-"));
  mkdirSync(join(root, "examples"));
  mkdirSync(join(root, "packages/endpoints"), { recursive: true });
  writeFileSync(
    join(root, "examples/cost.ts"),
    [
      'import { createFriendliEndpoints } from "@friendli-ts/endpoints";',
      "const api = createFriendliEndpoints(options);",
      "for await (const day of api.cost.listAll({ limit: 31 })) console.log(day);",
      'const id = headers.get("x-id"); // not the endpoints method',
      "const { serverless: s } = createFriendliInference(options);",
      "await s.chat.stream({ model });",
    ].join("\n"),
  );
  writeFileSync(join(root, "examples/cost.test.ts"), "api.cost.listAll()");
  writeFileSync(
    join(root, "packages/endpoints/README.md"),
    [
      "# endpoints",
      `${fence}ts`,
      "const endpoints = createFriendliEndpoints();",
      fence,
      "Later, in another block:",
      `${fence}ts`,
      'await endpoints.waitFor("ep", "RUNNING");',
      "const spec = await endpoints.get(id);",
      fence,
      `${fence}sh`,
      "$ friendli --token $T --json cost --from 2026-01-01",
      "friendli endpoints get ep-1 | jq .",
      fence,
      `${fence}ts`,
      'import { friendli } from "@friendli-ts/ai-sdk";',
      'const model = friendli.dedicated.embeddingModel("ep-embed");',
      "const dataset = await datasets.open(x); // no datasets binding: not counted",
      "await dataset.uploadSamples(rows);",
      fence,
      `${fence}ts`,
      "const friendli = createFriendliClient();",
      'const { data } = await friendli.GET("/v1/team/cost", { params });',
      'await friendli.GET("/v1/not-in-the-spec");',
      fence,
    ].join("\n"),
  );
});
afterAll(() => rmSync(root, { recursive: true, force: true }));

describe("usage sites", () => {
  it("finds wrapper calls through the names bound to each facade, helpers, commands, AI SDK models and low-level calls", () => {
    const routes = new Map([["GET /v1/team/cost", ["getCost"]]]);
    const sites = findUsageSites(root, tables, routes).map((s) => [
      s.where,
      s.call,
      [...s.methods, ...(s.operations ?? [])].join(" "),
    ]);
    expect(sites).toEqual([
      ["examples/cost.ts:3", "endpoints.cost.listAll", "endpoints.cost.get"],
      ["examples/cost.ts:6", "inference.serverless.chat.stream", "inference.serverless.chat.stream"],
      // A README binds a name in one block and calls it in a later one.
      ["packages/endpoints/README.md:7", "endpoints.waitFor", "endpoints.status"],
      ["packages/endpoints/README.md:8", "endpoints.get", "endpoints.get"],
      ["packages/endpoints/README.md:11", "friendli cost", "endpoints.cost.get"],
      ["packages/endpoints/README.md:12", "friendli endpoints get", "endpoints.get"],
      ["packages/endpoints/README.md:16", "ai-sdk dedicated.embeddingModel", "inference.dedicated.embeddings.create"],
      // The low-level client names the operation by its route.
      ["packages/endpoints/README.md:22", "client.GET /v1/team/cost", "getCost"],
    ]);
  });
});
