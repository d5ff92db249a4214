// pnpm -s tsx --conditions=source scripts/measure/call-files.ts: which source files of the
// packages run during one call of `serverless.chat.complete`, `endpoints.createAndWait` and
// `datasets.files.upload`, against a local stub server. Each call is made once to load and
// warm everything, then again between two takes of V8's precise coverage (which resets the
// counts): a file counts when one of its functions ran during the second call.
import { createServer } from "node:http";
import { Session } from "node:inspector/promises";
import type { AddressInfo } from "node:net";
import { relative } from "node:path";
import { fileURLToPath } from "node:url";
import { createFriendliDatasets } from "../../packages/datasets/src/index.ts";
import { createFriendliEndpoints } from "../../packages/endpoints/src/index.ts";
import { createFriendliInference } from "../../packages/inference/src/index.ts";
import { repoRoot } from "../spec/paths.ts";

const chat = {
  id: "c",
  object: "chat.completion",
  created: 1,
  model: "m",
  choices: [{ index: 0, finish_reason: "stop", message: { role: "assistant", content: "hi" } }],
  usage: { prompt_tokens: 1, completion_tokens: 1, total_tokens: 2 },
};
const status = { endpointId: "ep-1", name: "e", status: "RUNNING", phase: null, errorCode: null };
const file = { id: "f-1", name: "a.txt", size: 2, digest: "d", status: "UPLOADED" };

const server = createServer((req, res) => {
  req.resume();
  req.on("end", () => {
    const send = (body: unknown, code = 200) =>
      res.writeHead(code, { "content-type": "application/json" }).end(JSON.stringify(body));
    const url = req.url ?? "";
    if (url.endsWith("/chat/completions")) return send(chat);
    if (url.startsWith("/dedicated/beta/endpoint")) return send(status);
    if (url === "/beta/file" && req.method === "POST") {
      const { port } = server.address() as AddressInfo;
      return send({ fileId: "f-1", uploadUrl: `http://127.0.0.1:${port}/storage`, aws: { key: "k" } });
    }
    if (url === "/storage") return res.writeHead(204).end();
    if (url.startsWith("/beta/file/")) return send(file);
    send({ detail: "not here" }, 404);
  });
});
await new Promise<void>((done) => server.listen(0, "127.0.0.1", done));
const baseURL = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
const options = { baseURL, token: "t", maxRetries: 0 };

// The objects are made first: only the call is measured.
const inference = createFriendliInference(options);
const endpoints = createFriendliEndpoints(options);
const datasets = createFriendliDatasets(options);
const calls: Record<string, () => Promise<unknown>> = {
  "serverless.chat.complete": () =>
    inference.serverless.chat.complete({ model: "m", messages: [{ role: "user", content: "hi" }] }),
  "endpoints.createAndWait": () => endpoints.createAndWait({} as never, { intervalMs: 1 }),
  "datasets.files.upload": () => datasets.files.upload(new Uint8Array([1, 2]), { name: "a.txt", projectId: "p" }),
};

const session = new Session();
session.connect();
await session.post("Profiler.enable");
await session.post("Profiler.startPreciseCoverage", { callCount: true, detailed: false });
try {
  for (const [name, call] of Object.entries(calls)) {
    await call();
    await session.post("Profiler.takePreciseCoverage");
    await call();
    const { result } = await session.post("Profiler.takePreciseCoverage");
    const files = result
      .filter((script) => script.url.startsWith("file:") && script.url.includes("/packages/"))
      .filter((script) => script.functions.some((fn) => fn.functionName !== "" && fn.ranges[0]!.count > 0))
      .map((script) => relative(repoRoot, fileURLToPath(script.url)))
      .filter((path) => !path.includes("node_modules"))
      .sort();
    console.log(`${name}: ${files.length} files`);
    for (const path of files) console.log(`  ${path}`);
  }
} finally {
  session.disconnect();
  server.close();
}
