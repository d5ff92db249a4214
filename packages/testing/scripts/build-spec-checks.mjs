// Compiles the spec's request and answer checks ahead of time into dist/in-process/spec-checks.js,
// for runtimes that forbid code from strings (Cloudflare workers), where ajv cannot compile.
// Same spec, same bytes: the checks are listed in the spec's order and bundled without names
// of this machine. Generated at build time from the built sources; never committed.
import { readFileSync, writeFileSync } from "node:fs";
import standaloneCode from "ajv/dist/standalone/index.js";
import { build } from "esbuild";
import { requestSchemas } from "../dist/mock/request-check/check-request.js";
import { compileForStandalone, responseSchemas } from "../dist/spec-check/response-validator.js";
import { indexSpec } from "../dist/spec-check/spec-index.js";

const dist = new URL("../dist/", import.meta.url);
const spec = indexSpec(JSON.parse(readFileSync(new URL("mock/friendli-openapi.normalized.json", dist), "utf8")));
const entries = [...spec.byId.values()].flatMap((op) => [...requestSchemas(spec, op), ...responseSchemas(op)]);
const ajv = compileForStandalone(spec, entries);
const names = Object.fromEntries(entries.map((_, n) => [`check${n}`, `check-${n}`]));
const source = `${standaloneCode(ajv, names)}
export const specChecks = {
${entries.map(({ key }, n) => `  ${JSON.stringify(key)}: check${n},`).join("\n")}
};
`;
const result = await build({
  stdin: { contents: source, resolveDir: new URL(".", import.meta.url).pathname, loader: "js" },
  bundle: true,
  format: "esm",
  platform: "neutral",
  mainFields: ["main"],
  write: false,
  logLevel: "silent",
  legalComments: "none",
});
const bundled = result.outputFiles[0]?.text ?? "";
writeFileSync(new URL("in-process/spec-checks.js", dist), bundled);
writeFileSync(
  new URL("in-process/spec-checks.d.ts", dist),
  `import type { ValidateFunction } from "ajv";
/** The spec's request and answer checks, compiled at build time: \`createMockFetch({ spec, checks: specChecks })\`. */
export declare const specChecks: Record<string, ValidateFunction>;
`,
);
console.log(`spec-checks.js: ${entries.length} checks, ${bundled.length} bytes`);
