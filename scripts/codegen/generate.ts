import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import type { OpenAPI3 } from "openapi-typescript";
import { formatRepairReport, type RepairReport } from "../spec/normalize-spec.ts";
import { generatedDir, testingGeneratedDir } from "../spec/paths.ts";
import { prepareSpecWithReport } from "../spec/prepare-spec.ts";
import { readSpecLock } from "../spec/spec-lock.ts";
import { buildOperationIndex, renderRouteTable } from "./build-operation-index.ts";
import { renderResponseSpec } from "./build-response-spec.ts";
import { generateTypes } from "./generate-types.ts";
import { readRoutePolicies } from "./route-policies.ts";

/** Writes a file only when its bytes change, so unchanged output keeps its mtime. */
function writeIfChanged(file: string, text: string): boolean {
  try {
    if (readFileSync(file, "utf8") === text) return false;
  } catch {}
  writeFileSync(file, text);
  return true;
}

/** The client package's own version, for the user agent. */
function clientVersion(): string {
  const pkg = JSON.parse(readFileSync(join(generatedDir, "..", "..", "package.json"), "utf8")) as { version: string };
  return pkg.version;
}

/**
 * Spec -> `packages/client/src/generated/{schema,routes}.ts`, and the answers'
 * schemas for the drift check -> `packages/testing/src/generated/response-spec.ts`.
 */
export async function generate(): Promise<{ operations: number; written: string[]; repairs: RepairReport }> {
  const { doc, repairs } = await prepareSpecWithReport();
  const index = buildOperationIndex(doc);
  const policies = readRoutePolicies();
  // Before generateTypes, which rewrites parts of the document it is given (`const` to `enum`).
  const responseSpec = renderResponseSpec(doc);
  const files: Record<string, string> = {
    "schema.ts": await generateTypes(doc as unknown as OpenAPI3),
    "routes.ts": renderRouteTable(index, policies),
    "package-version.ts": `// Generated. Do not edit.\nexport const packageVersion = ${JSON.stringify(clientVersion())};\n`,
    "spec-version.ts": `// Generated. Do not edit.\nexport const specSha256 = ${JSON.stringify(readSpecLock().sha256)};\n`,
  };
  const targets: [dir: string, name: string, text: string][] = [
    ...Object.entries(files).map(([name, text]): [string, string, string] => [generatedDir, name, text]),
    [testingGeneratedDir, "response-spec.ts", responseSpec],
  ];
  for (const dir of [generatedDir, testingGeneratedDir]) mkdirSync(dir, { recursive: true });
  const written = targets.filter(([dir, name, text]) => writeIfChanged(join(dir, name), text)).map(([, name]) => name);
  // A module an older codegen wrote (the operation index before it joined the routes) would
  // still compile and mislead: the client's generated folder holds only what this run makes.
  for (const name of readdirSync(generatedDir)) if (!(name in files)) rmSync(join(generatedDir, name));
  return { operations: index.length, written, repairs };
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) {
  const started = performance.now();
  generate().then(
    ({ operations, written, repairs }) => {
      const ms = Math.round(performance.now() - started);
      console.log(formatRepairReport(repairs, { verbose: process.argv.includes("--verbose") }));
      console.log(
        `generated ${operations} operations in ${ms} ms (${written.length ? `wrote ${written.join(", ")}` : "unchanged"})`,
      );
    },
    (error) => {
      console.error(`generate failed: ${error.message}`);
      process.exit(1);
    },
  );
}
