import { createRequire } from "node:module";
import { join } from "node:path";
import { pathToFileURL } from "node:url";
import { runNodeScript } from "@friendli-ts/test-kit";
import type { WrittenBlocks, WrittenReadme } from "./write-readme-blocks.ts";

const tsxLoader = pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

/**
 * Runs a README's runnable blocks in order in a child `node` with tsx, set up as a user sets
 * up the SDK: FRIENDLI_BASE_URL (the mock server), FRIENDLI_TOKEN and FRIENDLI_TEAM. None of
 * this process's FRIENDLI_* variables reach it, so it never talks to the real API.
 */
export function runReadmeBlocks(written: WrittenBlocks, readme: WrittenReadme, baseURL: string, timeoutMs = 60_000) {
  if (!readme.runFile) throw new Error(`${readme.readme} has no runnable block`);
  const inherited = Object.entries(process.env).filter(([key]) => !/^(FRIENDLI_|NODE_OPTIONS$)/.test(key));
  return runNodeScript(`await import(${JSON.stringify(pathToFileURL(readme.runFile).href)});`, {
    flags: ["--import", tsxLoader],
    env: {
      ...Object.fromEntries(inherited),
      FRIENDLI_BASE_URL: baseURL,
      FRIENDLI_TOKEN: "docs-check-token",
      FRIENDLI_TEAM: "docs-check-team",
      // The blocks' compiler options (those of a user project), not this package's.
      TSX_TSCONFIG_PATH: join(written.dir, "tsconfig.json"),
    },
    timeoutMs,
  });
}
