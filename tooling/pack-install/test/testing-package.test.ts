import { execFile, spawn } from "node:child_process";
import { copyFileSync, mkdirSync, mkdtempSync, readFileSync, realpathSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/*
 * `@friendli-ts/testing` as a user gets it: packed with the client, installed with npm into a
 * fresh project beside `@stoplight/prism-cli` from the registry, in the range the package
 * documents (its peer range). The project starts the mock from code and calls it with plain
 * fetch, and runs the `friendli-mock` bin until SIGINT, as a user in another language would.
 */

const exec = promisify(execFile);
const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));
const PACKED = ["client", "testing"] as const;

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

const manifestOf = (name: string) =>
  JSON.parse(readFileSync(join(repoRoot, "packages", name, "package.json"), "utf8")) as {
    version: string;
    peerDependencies: Record<string, string>;
  };

describe("@friendli-ts/testing installed with npm beside Prism", () => {
  let root: string;
  let project: string;
  let tarball: string;

  // npm fetches Prism and its dependencies from the registry: on a cold cache that alone can
  // take a minute or more.
  beforeAll(async () => {
    root = realpathSync(mkdtempSync(join(tmpdir(), "friendli-pack-testing-")));
    const packs = join(root, "packs");
    mkdirSync(packs);
    const tarballs = await Promise.all(
      PACKED.map(async (name) => {
        await run("pnpm", ["pack", "--pack-destination", packs], join(repoRoot, "packages", name), 60_000);
        return join(packs, `friendli-ts-${name}-${manifestOf(name).version}.tgz`);
      }),
    );
    tarball = tarballs[1] as string;
    project = join(root, "project");
    mkdirSync(project);
    writeFileSync(
      join(project, "package.json"),
      `${JSON.stringify({ name: "try-testing", private: true }, null, 2)}\n`,
    );
    const prism = `@stoplight/prism-cli@${manifestOf("testing").peerDependencies["@stoplight/prism-cli"]}`;
    await run(
      "npm",
      // npm's own cache, as the other files here use it (one file runs at a time): Prism and its
      // dependencies are fetched once per machine, not on every run.
      ["install", ...tarballs, prism, "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"],
      project,
      280_000,
    );
    copyFileSync(join(fixtures, "testing.mjs"), join(project, "check.mjs"));
  }, 320_000);

  afterAll(() => {
    if (root) rmSync(root, { recursive: true, force: true });
  });

  it("the tarball holds the mock's specs, the drift entry and the bin, and real versions", async () => {
    const files = (await run("tar", ["-tzf", tarball], root)).stdout.trim().split("\n");
    expect(files).toEqual(
      expect.arrayContaining([
        "package/README.md",
        "package/LICENSE",
        "package/dist/index.js",
        "package/dist/mock/friendli-openapi.mock.json",
        "package/dist/mock/friendli-openapi.normalized.json",
        "package/dist/drift/index.js",
        "package/bin/friendli-mock.js",
        "package/dist/bin/friendli-mock.js",
      ]),
    );
    expect(files.filter((f) => /^package\/test\/|\.test(-d)?\.(ts|js)$|test-results\.json/.test(f))).toEqual([]);
    const manifest = (await run("tar", ["-xzOf", tarball, "package/package.json"], root)).stdout;
    expect(manifest).not.toMatch(/"(workspace|catalog):/);
    expect(JSON.parse(manifest).dependencies["@friendli-ts/client"]).toBe(`^${manifestOf("client").version}`);
  });

  // The 5.16 line of Prism's packages declares Node >= 24.18, so npm picks it there and the
  // workspace's pins below it. On such a Node the tests after this one run the mock on 5.16.
  const [major = 0, minor = 0] = process.versions.node.split(".").map(Number);
  const npmTakesNewestPrism = major > 24 || (major === 24 && minor >= 18);

  it("npm gives the project the Prism the workspace tests (pnpm-workspace.yaml's overrides), or 5.16 on Node 24.18+", () => {
    const workspace = readFileSync(join(repoRoot, "pnpm-workspace.yaml"), "utf8");
    const overrides = workspace.slice(workspace.indexOf("\noverrides:"));
    for (const name of ["prism-core", "prism-http", "prism-http-server"]) {
      const pinned = overrides.match(new RegExp(`"@stoplight/${name}": (\\S+)`))?.[1];
      expect(pinned, name).toBeDefined();
      const installed = JSON.parse(
        readFileSync(join(project, "node_modules", "@stoplight", name, "package.json"), "utf8"),
      ) as { version: string };
      // There npm takes the 5.16 line where a package has one (prism-core) and the pin elsewhere.
      const newest = npmTakesNewestPrism && /^5\.(1[6-9]|[2-9]\d)\./.test(installed.version);
      if (!newest) expect(installed.version, name).toBe(pinned);
    }
  });

  it("starts the mock from code; plain fetch gets JSON, `stream: true` an event stream, a bad body a listed 422", async () => {
    const { stdout } = await run(process.execPath, ["check.mjs"], project, 90_000);
    const result = JSON.parse(stdout.trim().split("\n").at(-1) ?? "null");
    expect(result.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(result.plain).toEqual({ status: 200, object: "chat.completion" });
    expect(result.streamed.status).toBe(200);
    expect(result.streamed.type).toMatch(/^text\/event-stream/);
    expect(result.streamed.events.at(-1)).toBe("[DONE]");
    expect(JSON.parse(result.streamed.events[0]).object).toBe("chat.completion.chunk");
    expect(result.refused.status).toBe(422);
    expect(result.refused.message).toMatch(/body\.messages/);
    expect(result.calls).toEqual([
      { stream: false, status: 200, operationId: "serverlessChatComplete" },
      { stream: true, status: 200, operationId: "serverlessChatStream" },
      { stream: false, status: 422, operationId: "serverlessChatComplete" },
    ]);
    // From the project's own node_modules, not from the workspace.
    expect(String(result.resolved).startsWith(pathToFileURL(join(project, "node_modules")).href)).toBe(true);
  });

  it("`friendli-mock` prints its URL, serves until SIGINT, then exits 0 and leaves nothing listening", async () => {
    const bin = join(project, "node_modules", ".bin", "friendli-mock");
    const child = spawn(bin, [], { cwd: project, env: childEnv, stdio: ["ignore", "pipe", "pipe"] });
    const exited = new Promise<number | null>((resolve) => child.once("exit", (code) => resolve(code)));
    try {
      let stderr = "";
      child.stderr.on("data", (chunk: Buffer) => {
        if (stderr.length < 100_000) stderr += chunk.toString();
      });
      const url = await new Promise<string>((resolve, reject) => {
        let stdout = "";
        child.stdout.on("data", (chunk: Buffer) => {
          stdout += chunk.toString();
          const line = stdout.split("\n").find((l) => l.startsWith("http://"));
          if (line) resolve(line.trim());
        });
        child.once("exit", (code) =>
          reject(new Error(`friendli-mock exited (${code}) before printing a URL:\n${stderr}`)),
        );
      });
      expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
      const answer = await fetch(`${url}/serverless/v1/chat/completions`, {
        method: "POST",
        headers: { authorization: "Bearer test", "content-type": "application/json" },
        body: JSON.stringify({ model: "m", messages: [{ role: "user", content: "Hi" }], stream: true }),
      });
      expect(answer.headers.get("content-type")).toMatch(/^text\/event-stream/);
      expect(await answer.text()).toContain("data: [DONE]");

      child.kill("SIGINT");
      expect(await exited).toBe(0);
      await expect(fetch(url)).rejects.toThrow();
    } finally {
      child.kill("SIGKILL");
    }
  });
});
