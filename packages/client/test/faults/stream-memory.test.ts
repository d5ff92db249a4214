import { fileURLToPath } from "node:url";
import { runNodeScript } from "@friendli-ts/test-kit";
import { describe, expect, it } from "vitest";

// A long stream must not pile up in memory: the built client reads 100,000 chat chunks
// (about 15 MB) from a local server in a child process run with --expose-gc, which samples
// the heap after a full collection at the start, at every 10,000th chunk and at the end.
const distEntry = fileURLToPath(new URL("../../dist/index.js", import.meta.url));

const script = `
import { createServer } from "node:http";
import { createFriendliClient } from ${JSON.stringify(distEntry)};
const CHUNKS = 100_000;
const piece = (i) => "data: " + JSON.stringify({ id: "c", object: "chat.completion.chunk", created: 1,
  choices: [{ index: 0, delta: { content: "token " + i + " ünïcödé" }, finish_reason: null }] }) + "\\n\\n";
const server = createServer(async (_req, res) => {
  res.writeHead(200, { "content-type": "text/event-stream" });
  for (let i = 0; i < CHUNKS; i += 500) {
    let text = "";
    for (let j = i; j < i + 500; j++) text += piece(j);
    if (!res.write(text)) await new Promise((r) => res.once("drain", r));
  }
  res.end("data: [DONE]\\n\\n");
});
await new Promise((r) => server.listen(0, "127.0.0.1", r));
const client = createFriendliClient({ baseURL: "http://127.0.0.1:" + server.address().port, token: "t", logLevel: "off" });
const heap = () => { globalThis.gc(); return process.memoryUsage().heapUsed; };
const stream = await client.stream("/serverless/v1/chat/completions#stream", {
  body: { model: "m", messages: [{ role: "user", content: "hi" }] },
});
const base = heap();
let n = 0, peak = 0, bytes = 0;
for await (const { data } of stream) {
  bytes += data.choices[0].delta.content.length;
  if (++n % 10_000 === 0) peak = Math.max(peak, heap() - base);
}
peak = Math.max(peak, heap() - base);
server.close();
console.log(JSON.stringify({ n, peakGrowthMB: peak / 2 ** 20, bytes }));
`;

describe("memory", () => {
  it("a 100,000-chunk stream read with for await keeps the heap flat", { timeout: 60_000 }, async () => {
    const { code, output } = await runNodeScript(script, { flags: ["--expose-gc"], timeoutMs: 50_000 });
    expect(code, output).toBe(0);
    const result = JSON.parse(output.trim().split("\n").at(-1) ?? "{}");
    console.log(`stream memory: ${result.n} chunks, peak heap growth ${result.peakGrowthMB.toFixed(2)} MB`);
    expect(result.n).toBe(100_000);
    // The whole stream is about 15 MB; keeping it, or its events, would show here.
    expect(result.peakGrowthMB).toBeLessThan(4);
  });
});
