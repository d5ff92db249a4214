import { createServer, type Server } from "node:http";
import { fileURLToPath } from "node:url";
import { launchChromium, skipWithoutChromium } from "@friendli-ts/test-kit/chromium";
import { build } from "esbuild";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The client's runtime code uses web APIs only. This bundles it for the browser (a `node:`
// import fails the bundle) and runs a streamed chat in a real headless Chromium against a
// local server. .ci/run installs Debian's chromium; elsewhere, without it, the test is
// skipped (under CI it fails instead, so a missing browser cannot pass unnoticed).

const entry = fileURLToPath(new URL("../../src/index.ts", import.meta.url));
const chunk = (content: string) =>
  `data: ${JSON.stringify({ id: "c", object: "chat.completion.chunk", created: 1, choices: [{ index: 0, delta: { content } }] })}\n\n`;

let server: Server;
let browser: Browser | undefined;
let origin = "";
let bundle = "";
const seen: { path: string; authorization?: string }[] = [];

beforeAll(async () => {
  const result = await build({
    entryPoints: [entry],
    bundle: true,
    format: "esm",
    platform: "browser",
    write: false,
    logLevel: "silent",
  });
  bundle = result.outputFiles[0]?.text ?? "";
  server = createServer(async (req, res) => {
    seen.push({ path: req.url ?? "", authorization: req.headers.authorization });
    if (req.url === "/")
      return void res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>sdk</title>");
    if (req.url === "/client.js") return void res.writeHead(200, { "content-type": "text/javascript" }).end(bundle);
    if (req.url === "/serverless/v1/chat/completions") {
      res.writeHead(200, { "content-type": "text/event-stream" });
      for (const piece of [chunk("Hello"), chunk(" from"), chunk(" the browser"), "data: [DONE]\n\n"]) {
        res.write(piece);
        await new Promise((r) => setTimeout(r, 5));
      }
      return void res.end();
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

describe.skipIf(skipWithoutChromium)("in a real browser", () => {
  it("bundles without Node built-ins and streams a chat completion", async () => {
    browser = await launchChromium(chromium);
    const page = await browser.newPage();
    await page.goto(origin);
    // Passed as source text: the test runner would rewrite a dynamic import in a function.
    const text = await page.evaluate(`(async () => {
      const sdk = await import("${origin}/client.js");
      const client = sdk.createFriendliClient({ baseURL: "${origin}", token: "browser-token" });
      const stream = await client.stream("/serverless/v1/chat/completions#stream", {
        body: { model: "m", messages: [{ role: "user", content: "hi" }] },
      });
      let out = "";
      for await (const { data } of stream) out += data.choices[0]?.delta.content ?? "";
      return out;
    })()`);
    expect(text).toBe("Hello from the browser");
    expect(seen.find((r) => r.path === "/serverless/v1/chat/completions")?.authorization).toBe("Bearer browser-token");
  });
});
