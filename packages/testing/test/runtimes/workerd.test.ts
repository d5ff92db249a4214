import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { probeWorkerd, type RunningWorkerd, startWorkerd } from "@friendli-ts/test-kit/workerd";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectScenarioResult, inProcessScenario } from "../support/in-process-scenario.ts";

// The in-process mock in workerd (Cloudflare's runtime, from npm): workers forbid compiling
// code from strings, so the mock takes the checks the build compiled (`spec-checks`). The
// worker bundles the mock, the client and the spec, and answers one request by running a
// streamed chat, a cut stream and a refused request against the mock, with no network.
// If the binary cannot run here, the test is skipped with the reason (under CI it fails).
const require = createRequire(import.meta.url);
// `workerd`'s main export is the path of the platform package's binary.
const probe = probeWorkerd(() => require("workerd").default);
if (probe.reason && !process.env.CI) console.warn(`workerd test skipped: workerd cannot run here: ${probe.reason}`);

const packageDir = fileURLToPath(new URL("../../", import.meta.url));

const worker = `
import { createFriendliClient, createMockFetch, spec, specChecks } from "./mock.mjs";

${inProcessScenario}
export default {
  async fetch(request) {
    const withChecks = new URL(request.url).pathname !== "/without-checks";
    try {
      // A copy without checks: the mock keeps compiled checks per spec object.
      const options = withChecks ? { spec, checks: specChecks } : { spec: structuredClone(spec) };
      return Response.json(await runScenario({ createMockFetch, createFriendliClient }, options));
    } catch (error) {
      return new Response(String(error?.stack ?? error), { status: 500 });
    }
  },
};
`;

// No nodejs_compat and no outbound network: the mock answers inside the worker.
const config = (port: number) => `
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [(name = "main", worker = .worker)],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);

const worker :Workerd.Worker = (
  modules = [
    (name = "worker.mjs", esModule = embed "worker.mjs"),
    (name = "mock.mjs", esModule = embed "mock.mjs"),
  ],
  compatibilityDate = "2026-11-17",
);
`;

describe.skipIf(!probe.bin && !process.env.CI)(
  probe.bin ? "the in-process mock in workerd" : `in workerd (skipped: workerd cannot run here: ${probe.reason})`,
  () => {
    let dir = "";
    let workerd: RunningWorkerd | undefined;

    beforeAll(async () => {
      if (!probe.bin) throw new Error(`workerd cannot run on this machine: ${probe.reason}`);
      dir = mkdtempSync(join(tmpdir(), "friendli-testing-workerd-"));
      // Bundled as for a worker: a \`node:\` import fails the bundle. The checks and the spec
      // are the build's output, as a user gets them.
      await build({
        stdin: {
          contents: [
            'export { createMockFetch } from "./src/in-process/index.ts";',
            'export { createFriendliClient } from "@friendli-ts/client";',
            'export { specChecks } from "./dist/in-process/spec-checks.js";',
            'export { default as spec } from "./dist/mock/friendli-openapi.normalized.json";',
          ].join("\n"),
          resolveDir: packageDir,
          loader: "ts",
        },
        bundle: true,
        format: "esm",
        platform: "browser",
        conditions: ["source", "workerd", "worker", "browser"],
        outfile: join(dir, "mock.mjs"),
        logLevel: "silent",
      });
      writeFileSync(join(dir, "worker.mjs"), worker);
      workerd = await startWorkerd(probe.bin, dir, (port) => {
        const file = join(dir, "config.capnp");
        writeFileSync(file, config(port));
        return file;
      });
    }, 60_000);

    afterAll(async () => {
      await workerd?.stop();
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it("streams a chat, plays a cut stream, refuses a bad request with the rule it broke", async () => {
      const response = await fetch(workerd?.url ?? "", { signal: AbortSignal.timeout(20_000) });
      const body = await response.text();
      expect(response.status, `${body}\n${workerd?.output()}`).toBe(200);
      const result = JSON.parse(body) as Record<string, unknown>;
      expectScenarioResult(result);
    });

    it("without the compiled checks, the refusal cannot be checked there: why the option exists", async () => {
      const response = await fetch(`${workerd?.url}without-checks`, { signal: AbortSignal.timeout(20_000) });
      const body = await response.text();
      expect(response.status, body).toBe(500);
      expect(body).toMatch(/Code generation from strings disallowed/i);
    });
  },
);
