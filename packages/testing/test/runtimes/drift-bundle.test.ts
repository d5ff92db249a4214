import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { serveFaults } from "@friendli-ts/test-kit";
import { build, type Metafile } from "esbuild";
import { afterAll, describe, expect, it } from "vitest";

// The drift check runs wherever the client runs, though it ships beside the Node-only mock:
// it is bundled from dist as an app would bundle it (browser platform, minified), and the
// metafile says which files went in.
const dist = new URL("../../dist/", import.meta.url).pathname;
const serve = serveFaults();
const tmp = mkdtempSync(join(tmpdir(), "drift-bundle-"));
afterAll(() => rmSync(tmp, { recursive: true, force: true }));

async function bundle(source: string): Promise<{ code: string; inputs: string[] }> {
  const result = await build({
    stdin: { contents: source, resolveDir: dist, loader: "js", sourcefile: "app.js" },
    bundle: true,
    minify: true,
    platform: "browser",
    format: "esm",
    write: false,
    metafile: true,
    logLevel: "error",
  });
  return { code: result.outputFiles[0]?.text ?? "", inputs: Object.keys((result.metafile as Metafile).inputs) };
}

const validatorFiles = (inputs: string[]) =>
  inputs.filter((input) => /node_modules\/(\.pnpm\/)?ajv|\/drift\/|\/spec-check\/|response-spec/.test(input));

describe("the drift entry bundles for any runtime", () => {
  it("an app importing it gets ajv and the schemas, none of the mock, and the bundle works", async () => {
    const { code, inputs } = await bundle(`
      export { createFriendliClient } from "@friendli-ts/client";
      export { createDriftCheck } from "./drift/index.js";
    `);
    expect(validatorFiles(inputs).some((input) => input.includes("ajv"))).toBe(true);
    expect(validatorFiles(inputs).some((input) => input.endsWith("generated/response-spec.js"))).toBe(true);
    // The mock (Prism, fake JSON) is Node-only and stays out.
    expect(inputs.filter((input) => /\/mock\/|json-schema-faker/.test(input))).toEqual([]);

    // The bundled copy (ajv's CommonJS as the bundler wraps it) reports like the source does.
    const file = join(tmp, "app.mjs");
    writeFileSync(file, code);
    const app = (await import(pathToFileURL(file).href)) as typeof import("../../src/drift/index.ts") &
      typeof import("@friendli-ts/client");
    const server = await serve(
      (_req, res) => void res.writeHead(200, { "content-type": "application/json" }).end('{"data":[]}'),
    );
    const reports: unknown[] = [];
    const drift = app.createDriftCheck({ report: (r) => reports.push(r) });
    const client = app.createFriendliClient({ baseURL: server.url, token: "t", middleware: [drift], logLevel: "off" });
    await client.GET("/v1/team/cost", { params: { query: { start_time: "a", end_time: "b" } } });
    await drift.settled();
    expect(reports).toEqual([
      expect.objectContaining({
        operationId: "getCost",
        issues: [{ path: "/", message: "must have required property 'has_more'" }],
      }),
    ]);
  });
});
