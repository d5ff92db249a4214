import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { probeWorkerd, type RunningWorkerd, startWorkerd } from "@friendli-ts/test-kit/workerd";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readChatText, sseChunk, writeChatStream } from "../support/chat-stream-server.ts";

// The README says the client runs in edge workers: this runs a streamed chat through the
// bundled client in workerd (Cloudflare's runtime, from npm with its binary), as a module
// worker whose fetch handler calls a local SSE server. Everything stays on 127.0.0.1. If
// the binary cannot run here, the test is skipped with the reason (under CI it fails).
const require = createRequire(import.meta.url);
const entry = fileURLToPath(new URL("../../src/index.ts", import.meta.url));
const srcDir = fileURLToPath(new URL("../../src/", import.meta.url));

// `workerd`'s main export is the path of the platform package's binary.
const probe = probeWorkerd(() => require("workerd").default);
if (probe.reason && !process.env.CI) console.warn(`workerd test skipped: workerd cannot run here: ${probe.reason}`);

// The worker: the client is created per request from the bindings, streams, returns the text.
const worker = `
import { createFriendliClient } from "./client.mjs";
${readChatText}
export default {
  async fetch(request, env) {
    try {
      if (new URL(request.url).pathname === "/drift") return await withDriftCheck(env);
      return new Response(await readChatText(createFriendliClient({ baseURL: env.BASE_URL, token: env.TOKEN })));
    } catch (error) {
      return new Response(String(error?.stack ?? error), { status: 500 });
    }
  },
};

// Workers forbid compiling code from strings, which ajv needs: the drift check must say it
// is off and leave the call alone. Its own bundle, loaded only here.
async function withDriftCheck(env) {
  const { createFriendliClient, createDriftCheck } = await import("./drift.mjs");
  const lines = [];
  const logger = { debug() {}, info() {}, warn: (m) => lines.push(m), error: (m) => lines.push(m) };
  const drift = createDriftCheck();
  const client = createFriendliClient({ baseURL: env.BASE_URL, token: env.TOKEN, middleware: [drift], logger });
  const text = await readChatText(client);
  await drift.settled();
  return Response.json({ text, lines });
}
`;

// No nodejs_compat: the bundle uses web APIs only. The "internet" service lets the worker
// reach 127.0.0.1 (workerd's default outbound allows public addresses only).
const config = (port: number, baseURL: string) => `
using Workerd = import "/workerd/workerd.capnp";

const config :Workerd.Config = (
  services = [
    (name = "main", worker = .worker),
    (name = "internet", network = (allow = ["public", "private", "local"], tlsOptions = (trustBrowserCas = true))),
  ],
  sockets = [(name = "http", address = "127.0.0.1:${port}", http = (), service = "main")],
);

const worker :Workerd.Worker = (
  modules = [
    (name = "worker.mjs", esModule = embed "worker.mjs"),
    (name = "client.mjs", esModule = embed "client.mjs"),
    (name = "drift.mjs", esModule = embed "drift.mjs"),
  ],
  compatibilityDate = "2026-11-17",
  bindings = [
    (name = "BASE_URL", text = ${JSON.stringify(baseURL)}),
    (name = "TOKEN", text = "workerd-token"),
  ],
  globalOutbound = "internet",
);
`;

describe.skipIf(!probe.bin && !process.env.CI)(
  probe.bin ? "in workerd" : `in workerd (skipped: workerd cannot run here: ${probe.reason})`,
  () => {
    let dir = "";
    let server: Server | undefined;
    let workerd: RunningWorkerd | undefined;
    let workerURL = "";
    const seen: { path: string; authorization?: string }[] = [];

    beforeAll(async () => {
      if (!probe.bin) throw new Error(`workerd cannot run on this machine: ${probe.reason}`);
      dir = mkdtempSync(join(tmpdir(), "friendli-workerd-"));
      // Bundled as for a worker: a `node:` import fails the bundle.
      await build({
        entryPoints: [entry],
        bundle: true,
        format: "esm",
        platform: "browser",
        conditions: ["workerd", "worker", "browser"],
        outfile: join(dir, "client.mjs"),
        logLevel: "silent",
      });
      await build({
        stdin: {
          contents:
            'export { createFriendliClient } from "./index.ts"; export { createDriftCheck } from "../../testing/src/drift/index.ts";',
          resolveDir: srcDir,
          loader: "ts",
        },
        bundle: true,
        format: "esm",
        platform: "browser",
        // The drift check's imports of the client resolve to the same sources.
        conditions: ["source", "workerd", "worker", "browser"],
        outfile: join(dir, "drift.mjs"),
        logLevel: "silent",
      });
      writeFileSync(join(dir, "worker.mjs"), worker);
      server = createServer(async (req, res) => {
        seen.push({ path: req.url ?? "", authorization: req.headers.authorization });
        if (req.url !== "/serverless/v1/chat/completions") return void res.writeHead(404).end();
        await writeChatStream(res, [sseChunk("Hello"), sseChunk(" from"), sseChunk(" workerd")]);
      });
      await new Promise<void>((r) => server?.listen(0, "127.0.0.1", r));
      const origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
      workerd = await startWorkerd(probe.bin, dir, (port) => {
        const file = join(dir, "config.capnp");
        writeFileSync(file, config(port, origin));
        return file;
      });
      workerURL = workerd.url;
    }, 60_000);

    afterAll(async () => {
      await workerd?.stop();
      await new Promise((r) => (server ? server.close(r) : r(undefined)));
      if (dir) rmSync(dir, { recursive: true, force: true });
    });

    it("streams a chat completion from a module worker's fetch handler", async () => {
      const response = await fetch(workerURL, { signal: AbortSignal.timeout(10_000) });
      const text = await response.text();
      expect(response.status, `${text}\n${workerd?.output()}`).toBe(200);
      expect(text).toBe("Hello from workerd");
      expect(seen.find((r) => r.path === "/serverless/v1/chat/completions")?.authorization).toBe(
        "Bearer workerd-token",
      );
    });

    it("the drift check says it is off (no code from strings in workers) and the call goes on", async () => {
      const response = await fetch(`${workerURL}drift`, { signal: AbortSignal.timeout(10_000) });
      const body = await response.text();
      expect(response.status, `${body}\n${workerd?.output()}`).toBe(200);
      const { text, lines } = JSON.parse(body) as { text: string; lines: string[] };
      expect(text).toBe("Hello from workerd");
      expect(lines).toEqual([
        expect.stringMatching(/^friendli: drift: the check is off, no validator could be built here: /),
      ]);
    });
  },
);
