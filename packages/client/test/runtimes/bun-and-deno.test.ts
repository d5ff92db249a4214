import { execFile } from "node:child_process";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { createRequire } from "node:module";
import { tmpdir } from "node:os";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { build } from "esbuild";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readChatText, sseChunk, writeChatStream } from "../support/chat-stream-server.ts";

// The client streams a chat the same way under Bun and Deno as under Node: the bundle
// (no Node built-ins) runs in each runtime against a local SSE server.
const run = promisify(execFile);
const require = createRequire(import.meta.url);
const entry = fileURLToPath(new URL("../../src/index.ts", import.meta.url));

// The script each runtime runs: stream from the URL it is given, print the text.
const script = `
import { createFriendliClient } from "./client.mjs";
const baseURL = globalThis.Deno ? Deno.args[0] : process.argv[2];
${readChatText}
console.log(await readChatText(createFriendliClient({ baseURL, token: "runtime-token" })));
`;

// The drift check in each runtime: a stream with an event the spec forbids is reported.
const driftScript = `
import { createDriftCheck, createFriendliClient } from "./drift.mjs";
const baseURL = globalThis.Deno ? Deno.args[0] : process.argv[2];
const reports = [];
const drift = createDriftCheck({ report: (r) => reports.push(r) });
const client = createFriendliClient({
  baseURL, token: "runtime-token", middleware: [drift], logLevel: "off", defaultHeaders: { "x-drift": "1" },
});
${readChatText}
const text = await readChatText(client);
await drift.settled();
console.log(JSON.stringify({ text, reports }));
`;

const runtimes = {
  bun: () => ({ file: join(dirname(require.resolve("bun/package.json")), "bin", "bun.exe"), args: [] as string[] }),
  deno: () => ({
    file: process.execPath,
    args: [require.resolve("deno/bin.cjs"), "run", "--allow-net=127.0.0.1", "--no-prompt"],
  }),
};

const badChunk = `data: ${JSON.stringify({ id: "c", object: "chat.completion.chunk", created: 1, choices: [{ index: 0, delta: { content: " everywhere" }, finish_reason: "exploded" }] })}\n\n`;

let dir = "";
let server: Server;
let origin = "";
const authorizations: (string | undefined)[] = [];

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), "friendli-runtimes-"));
  await build({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    platform: "neutral",
    outfile: join(dir, "client.mjs"),
    logLevel: "silent",
  });
  await build({
    stdin: {
      contents:
        'export { createFriendliClient } from "./index.ts"; export { createDriftCheck } from "../../testing/src/drift/index.ts";',
      resolveDir: dirname(entry),
      loader: "ts",
    },
    bundle: true,
    format: "esm",
    platform: "neutral",
    // The drift check lives in @friendli-ts/testing; its imports of the client resolve to the
    // same sources. ajv is CommonJS, found through `main`.
    conditions: ["source"],
    mainFields: ["module", "main"],
    outfile: join(dir, "drift.mjs"),
    logLevel: "silent",
  });
  writeFileSync(join(dir, "main.mjs"), script);
  writeFileSync(join(dir, "drift-main.mjs"), driftScript);
  server = createServer(async (req, res) => {
    authorizations.push(req.headers.authorization);
    await writeChatStream(res, [sseChunk("Same"), req.headers["x-drift"] ? badChunk : sseChunk(" everywhere")]);
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}, 60_000);

afterAll(async () => {
  await new Promise((r) => server?.close(r));
  rmSync(dir, { recursive: true, force: true });
});

/** Runs `script` (a file in the bundle's folder) under the runtime; its stdout. */
async function runIn(name: keyof typeof runtimes, script: string): Promise<string> {
  const { file, args } = runtimes[name]();
  const { stdout } = await run(file, [...args, join(dir, script), origin], {
    cwd: dir,
    timeout: 30_000,
    env: { ...process.env, DENO_NO_UPDATE_CHECK: "1", DENO_DIR: join(dir, ".deno"), DO_NOT_TRACK: "1" },
  });
  return stdout.trim();
}

describe.each(Object.keys(runtimes) as (keyof typeof runtimes)[])("under %s", (name) => {
  it("streams a chat completion", async () => {
    expect(await runIn(name, "main.mjs")).toBe("Same everywhere");
    expect(authorizations.at(-1)).toBe("Bearer runtime-token");
  });

  it("the drift check reports an event the spec forbids, and the stream reads on", async () => {
    const { text, reports } = JSON.parse(await runIn(name, "drift-main.mjs"));
    expect(text).toBe("Same everywhere");
    expect(reports).toEqual([
      expect.objectContaining({
        operationId: "serverlessChatStream",
        where: "event 1",
        issues: expect.arrayContaining([expect.objectContaining({ path: "/data/choices/0/finish_reason" })]),
      }),
    ]);
  });
});
