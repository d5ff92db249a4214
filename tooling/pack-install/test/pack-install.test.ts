import { execFile } from "node:child_process";
import {
  copyFileSync,
  mkdirSync,
  mkdtempSync,
  readdirSync,
  readFileSync,
  realpathSync,
  rmSync,
  writeFileSync,
} from "node:fs";
import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { promisify } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

/*
 * The published packages as a user gets them: each is packed once with `pnpm pack` (which
 * turns `workspace:` and `catalog:` into versions), and the tarballs are installed into
 * fresh projects in a temp folder, with npm and then with pnpm: the client alone, and each
 * wrapper with the client tarball beside it. Each project imports its package by name,
 * calls this file's tiny HTTP server, catches a 429 with the `RateLimitError` its package
 * exports, and `require()`s the package. Nothing is installed in the repository. This runs
 * on Node 20, 22 and 24; what is published, and installs by name from a registry, are
 * scripts/release/registry-release.test.ts's (Node 24).
 */

const exec = promisify(execFile);
const repoRoot = fileURLToPath(new URL("../../../", import.meta.url));
const fixtures = fileURLToPath(new URL("./fixtures/", import.meta.url));

const PACKAGES = ["client", "inference", "endpoints", "datasets"] as const;
type PackageName = (typeof PACKAGES)[number];
type Manager = "npm" | "pnpm";

/** What the server answers for each call the scripts make with an `ok` id or model. */
const ANSWERS: Record<string, unknown> = {
  "GET /dedicated/beta/endpoint/ep-ok/status": { status: "RUNNING", createdAt: "2026-01-01T00:00:00Z" },
  "POST /serverless/v1/tokenize": { tokens: [9906, 0] },
  "GET /beta/dataset/ds-ok": { id: "ds-ok", name: "demo", createdAt: 0, updatedAt: 0, modality: {} },
};
/** The call each package's script makes first (the second is the same one, rate limited). */
const FIRST_CALL: Record<PackageName, string> = {
  client: "GET /dedicated/beta/endpoint/ep-ok/status",
  inference: "POST /serverless/v1/tokenize",
  endpoints: "GET /dedicated/beta/endpoint/ep-ok/status",
  datasets: "GET /beta/dataset/ds-ok",
};
const FACTORY: Record<PackageName, string> = {
  client: "createFriendliClient",
  inference: "createFriendliInference",
  endpoints: "createFriendliEndpoints",
  datasets: "createFriendliDatasets",
};
const TOKEN = "pack-install-token";

/** The environment of the outer `pnpm test`, without what would steer the inner npm and pnpm. */
const childEnv = Object.fromEntries(
  Object.entries(process.env).filter(
    ([key]) => key === "PNPM_HOME" || !/^(npm_|pnpm_|vitest|node_options$|node_env$|friendli_)/i.test(key),
  ),
);

async function run(command: string, args: string[], cwd: string, timeout = 60_000) {
  try {
    return await exec(command, args, { cwd, env: childEnv, timeout, maxBuffer: 16 * 1024 * 1024 });
  } catch (error) {
    const { stdout = "", stderr = "" } = error as { stdout?: string; stderr?: string };
    throw new Error(`\`${command} ${args.join(" ")}\` failed in ${cwd}: ${String(error)}\n${stdout}\n${stderr}`);
  }
}

/** The last line a script printed, parsed. */
async function runScript(cwd: string, args: string[]): Promise<Record<string, unknown>> {
  const { stdout } = await run(process.execPath, args, cwd, 20_000);
  return JSON.parse(stdout.trim().split("\n").at(-1) ?? "null");
}

interface SeenRequest {
  line: string;
  body: string;
  headers: IncomingHttpHeaders;
}
const seen: SeenRequest[] = [];
const server = createServer(async (req, res) => {
  let body = "";
  for await (const chunk of req) body += chunk;
  const line = `${req.method} ${new URL(req.url ?? "/", "http://localhost").pathname}`;
  seen.push({ line, body, headers: req.headers });
  const send = (status: number, json: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(json));
  };
  if (line.includes("limited") || body.includes("limited")) {
    send(429, { detail: "Too many requests" }, { "retry-after": "0" });
  } else if (line in ANSWERS) {
    send(200, ANSWERS[line]);
  } else {
    send(404, { detail: `no route ${line}` });
  }
});

let root: string;
let baseURL: string;
let storeDir: string;
const tarballs = {} as Record<PackageName, string>;
const versions = {} as Record<PackageName, string>;
const projects = new Map<string, string>();

beforeAll(async () => {
  root = realpathSync(mkdtempSync(join(tmpdir(), "friendli-pack-install-")));
  const packs = join(root, "packs");
  mkdirSync(packs);
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  // One store for every pnpm project: the workspace's, so the client's dependencies are
  // already there. npm uses its own cache the same way (--prefer-offline).
  storeDir = (await run("pnpm", ["store", "path"], root)).stdout.trim();
  await Promise.all(
    PACKAGES.map(async (name) => {
      const dir = join(repoRoot, "packages", name);
      const { version } = JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as { version: string };
      await run("pnpm", ["pack", "--pack-destination", packs], dir);
      versions[name] = version;
      tarballs[name] = join(packs, `friendli-ts-${name}-${version}.tgz`);
    }),
  );
});

afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  if (root) rmSync(root, { recursive: true, force: true });
});

/** Every package a project's install holds (npm's flat tree, or pnpm's virtual store), by name. */
function installedNames(dir: string, manager: Manager): string[] {
  const modules = join(dir, "node_modules");
  if (manager === "pnpm") {
    // `.pnpm/ajv@8.17.1`, `.pnpm/@stoplight+prism-cli@5.14.2_...`
    return readdirSync(join(modules, ".pnpm"))
      .filter((entry) => entry.includes("@"))
      .map((entry) => entry.replace(/^@([^+]+)\+/, "@$1/").replace(/(.)@.*$/, "$1"));
  }
  return readdirSync(modules).flatMap((entry) =>
    entry.startsWith("@") ? readdirSync(join(modules, entry)).map((inner) => `${entry}/${inner}`) : [entry],
  );
}

/** A fresh project with the package's tarball (and the client's beside a wrapper) installed. */
async function install(manager: Manager, name: PackageName): Promise<string> {
  const dir = join(root, `${manager}-${name}`);
  mkdirSync(dir);
  const manifest: Record<string, unknown> = { name: `try-${name}`, version: "0.0.0", private: true };
  // Before the first release the wrapper's `@friendli-ts/client@^0.1.0` is on no registry:
  // pnpm resolves each package's dependencies on its own, so it is pointed at the tarball.
  if (manager === "pnpm" && name !== "client") {
    manifest.pnpm = { overrides: { "@friendli-ts/client": `file:${tarballs.client}` } };
  }
  writeFileSync(join(dir, "package.json"), `${JSON.stringify(manifest, null, 2)}\n`);
  const files = name === "client" ? [tarballs.client] : [tarballs.client, tarballs[name]];
  if (manager === "npm") {
    await run("npm", ["install", ...files, "--prefer-offline", "--no-audit", "--no-fund", "--loglevel=error"], dir);
  } else {
    await run("pnpm", ["add", ...files, "--prefer-offline", `--store-dir=${storeDir}`, "--reporter=append-only"], dir);
  }
  copyFileSync(join(fixtures, `${name}.mjs`), join(dir, "check.mjs"));
  copyFileSync(join(fixtures, "require.cjs"), join(dir, "check-require.cjs"));
  return dir;
}

const requireEsm = (process.features as { require_module?: boolean }).require_module === true;

describe.each(["npm", "pnpm"] as const)("installed with %s", (manager) => {
  it.each(PACKAGES)(`@friendli-ts/%s: import, a call, a 429 caught as its RateLimitError`, async (name) => {
    const dir = await install(manager, name);
    projects.set(`${manager}-${name}`, dir);

    seen.length = 0;
    const result = await runScript(dir, ["check.mjs", baseURL]);
    expect(result.data).toEqual(ANSWERS[FIRST_CALL[name]]);
    expect(result).toMatchObject({ rateLimitError: true, apiError: true, status: 429 });
    if (name !== "client") expect(result.oneClient, "the wrapper and the project share one client").toBe(true);
    // The package came from the project's own node_modules, not from the workspace.
    expect(String(result.resolved).startsWith(pathToFileURL(join(dir, "node_modules")).href)).toBe(true);
    expect(seen.map((r) => `${r.line} ${r.body}`)).toEqual([
      expect.stringMatching(new RegExp(`^${FIRST_CALL[name]} `)),
      expect.stringContaining("limited"),
    ]);
    expect(seen[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    // What every user runs brings no validator, faker or Prism along (those are @friendli-ts/testing's).
    const names = installedNames(dir, manager);
    expect(names, "the install is listed").toContain("eventsource-parser");
    expect(names.filter((n) => /^ajv|json-schema-faker|^@stoplight\//.test(n))).toEqual([]);
  });

  // `for`, not `each`: the test context is needed to skip with a reason.
  it.for(PACKAGES)("@friendli-ts/%s: require() from CommonJS", async (name, ctx) => {
    if (!requireEsm) {
      // The packages are ESM only; without require(esm) (Node < 20.19) the README says so.
      expect(readFileSync(join(repoRoot, "README.md"), "utf8")).toMatch(/ESM only/);
      ctx.skip(`require(esm) is not available in Node ${process.version}`);
    }
    const dir = projects.get(`${manager}-${name}`);
    expect(dir, "installed by the test above").toBeDefined();
    const result = await runScript(dir!, ["check-require.cjs", `@friendli-ts/${name}`]);
    expect(result).toMatchObject({ sameAsImport: true, rateLimitError: "function" });
    expect(result.exports).toContain(FACTORY[name]);
  });
});
