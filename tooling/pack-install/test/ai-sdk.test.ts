import { execFile } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { type MockServer, startMockServer } from "@friendli-ts/test-kit";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/*
 * `@friendli-ts/ai-sdk` as a user gets it: packed with the client and inference, installed
 * with npm into a fresh project next to `ai` 7 (and zod) from the registry, at the versions
 * of the workspace's catalog, then a `streamText` through it against the mock server. The AI
 * SDK 7 needs Node 22, so on an older Node this file is skipped.
 */

const exec = promisify(execFile);
const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
const supported = Number(process.versions.node.split(".")[0]) >= 22;
const PACKED = ["client", "inference", "ai-sdk"] as const;

const childEnv = Object.fromEntries(
  Object.entries(process.env).filter(([key]) => !/^(npm_|pnpm_|vitest|node_options$|node_env$|friendli_)/i.test(key)),
);

async function run(command: string, args: string[], cwd: string, timeout = 120_000) {
  try {
    return await exec(command, args, { cwd, env: childEnv, timeout, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`\`${command} ${args.join(" ")}\` failed in ${cwd}: ${String(error)}\n${stdout}\n${stderr}`);
  }
}

/** A dependency's range in the workspace catalog (pnpm-workspace.yaml), e.g. `^7.0.173`. */
function catalogRange(name: string): string {
  const catalog = readFileSync(join(repoRoot, "pnpm-workspace.yaml"), "utf8");
  const line = catalog.split("\n").find((l) => l.trim().replace(/"/g, "").startsWith(`${name}:`));
  if (!line) throw new Error(`${name} is not in the catalog`);
  return line.split(":").slice(1).join(":").trim();
}

describe.skipIf(!supported)("@friendli-ts/ai-sdk installed with npm next to ai 7", () => {
  let root: string;
  let mock: MockServer;

  beforeAll(async () => {
    root = realpathSync(mkdtempSync(join(tmpdir(), "friendli-pack-ai-sdk-")));
    mock = await startMockServer();
  });

  afterAll(async () => {
    await mock?.stop();
    if (root) rmSync(root, { recursive: true, force: true });
  });

  // npm fetches `ai` and its dependencies from the registry: on a new machine with a cold
  // cache, beside the other install tests, that alone can take more than a minute. Each step
  // has its own time limit, so a hang names the command.
  it("streams a chat with streamText against the mock", { timeout: 240_000 }, async () => {
    const packs = join(root, "packs");
    mkdirSync(packs);
    const tarballs = await Promise.all(
      PACKED.map(async (name) => {
        const dir = join(repoRoot, "packages", name);
        const { version } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string };
        await run("pnpm", ["pack", "--pack-destination", packs], dir, 60_000);
        return join(packs, `friendli-ts-${name}-${version}.tgz`);
      }),
    );
    const manifest = (await run("tar", ["-xzOf", tarballs[2] as string, "package/package.json"], root)).stdout;
    expect(manifest).not.toMatch(/"(workspace|catalog):/);
    expect(JSON.parse(manifest).engines.node).toBe(">=22");

    const dir = join(root, "project");
    mkdirSync(dir);
    writeFileSync(join(dir, "package.json"), `${JSON.stringify({ name: "try-ai-sdk", private: true }, null, 2)}\n`);
    const registry = [`ai@${catalogRange("ai")}`, `zod@${catalogRange("zod")}`];
    await run(
      "npm",
      ["install", ...tarballs, ...registry, "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"],
      dir,
      150_000,
    );
    copyFileSync(join(fixtures, "ai-sdk.mjs"), join(dir, "check.mjs"));

    const { stdout } = await run(process.execPath, ["check.mjs", mock.url], dir, 30_000);
    const result = JSON.parse(stdout.trim().split("\n").at(-1) ?? "null");
    expect(result.text).toMatch(/^[A-Z].*\.$/);
    expect(result.finishReason).toBe("stop");
    expect(result.totalTokens).toBeGreaterThan(0);
    expect(String(result.resolved).startsWith(pathToFileURL(join(dir, "node_modules")).href)).toBe(true);
    const { version: aiVersion } = JSON.parse(readFileSync(join(dir, "node_modules/ai/package.json"), "utf8"));
    expect(aiVersion).toMatch(/^7\./);
  });
});
