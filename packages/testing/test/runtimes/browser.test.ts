import { readFileSync } from "node:fs";
import { createServer, type Server } from "node:http";
import { fileURLToPath } from "node:url";
import { launchChromium, skipWithoutChromium } from "@friendli-ts/test-kit/chromium";
import { build } from "esbuild";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";

// The in-process mock is web APIs only: this bundles `@friendli-ts/testing/in-process` and the
// client for the browser (a `node:` import fails the bundle) and runs them in a real headless
// Chromium: a streamed chat, a scripted fault and a refused request, with no mock server.
// The page's origin serves only the bundle and the spec. Without Chromium the test is
// skipped, except under CI (as in packages/client/test/browser).
const specFile = fileURLToPath(new URL("../../dist/mock/friendli-openapi.normalized.json", import.meta.url));

let server: Server;
let browser: Browser | undefined;
let origin = "";
let bundle = "";
const apiCalls: string[] = [];

beforeAll(async () => {
  const result = await build({
    stdin: {
      contents:
        'export { createMockFetch } from "./src/in-process/index.ts"; export { createFriendliClient } from "@friendli-ts/client";',
      resolveDir: fileURLToPath(new URL("../../", import.meta.url)),
      loader: "ts",
    },
    bundle: true,
    format: "esm",
    platform: "browser",
    conditions: ["source", "browser"],
    write: false,
    logLevel: "silent",
  });
  bundle = result.outputFiles[0]?.text ?? "";
  const spec = readFileSync(specFile);
  server = createServer((req, res) => {
    if (req.url === "/")
      return void res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>mock</title>");
    if (req.url === "/mock.js") return void res.writeHead(200, { "content-type": "text/javascript" }).end(bundle);
    if (req.url === "/spec.json") return void res.writeHead(200, { "content-type": "application/json" }).end(spec);
    // The browser asks for a favicon by itself; anything else would be a call that left the page.
    if (req.url !== "/favicon.ico") apiCalls.push(req.url ?? "");
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  origin = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await new Promise((r) => server?.close(r));
});

describe.skipIf(skipWithoutChromium)("the in-process mock in a real browser", () => {
  it("bundles without Node built-ins; streams a chat, plays a cut, refuses a bad request with its rule", async () => {
    browser = await launchChromium(chromium);
    const page = await browser.newPage();
    await page.goto(origin);
    // Passed as source text: the test runner would rewrite a dynamic import in a function.
    const result = (await page.evaluate(`(async () => {
      const { createMockFetch, createFriendliClient } = await import("${origin}/mock.js");
      const spec = await (await fetch("${origin}/spec.json")).json();
      const mock = createMockFetch({ spec });
      const client = createFriendliClient({ baseURL: mock.url, token: "browser-token", fetch: mock.fetch, maxRetries: 0 });
      const body = { model: "m", messages: [{ role: "user", content: "hi" }] };
      let text = "";
      for await (const { data } of await client.stream("/serverless/v1/chat/completions#stream", { body })) {
        text += data.choices[0]?.delta.content ?? "";
      }
      const piece = (content) => ({ data: { id: "c", object: "chat.completion.chunk", created: 1, model: "m",
        choices: [{ index: 0, delta: { content }, finish_reason: null }] } });
      mock.respond("serverlessChatStream", { events: [piece("a"), piece("b"), { data: "[DONE]" }], cutAfter: 1 });
      let cutText = "";
      let cut = "";
      try {
        for await (const { data } of await client.stream("/serverless/v1/chat/completions#stream", { body })) {
          cutText += data.choices[0]?.delta.content ?? "";
        }
      } catch (error) { cut = error.name; }
      const refused = await client.POST("/serverless/v1/chat/completions", { body: { model: "m" } }).catch((e) => e);
      return { text, cutText, cut, refused: refused.name, rule: refused.issues?.[0]?.rule, calls: mock.calls.length };
    })()`)) as Record<string, unknown>;
    expect(String(result.text).split(" ").length).toBeGreaterThan(5);
    expect(result).toMatchObject({ cutText: "a", cut: "StreamInterruptedError", refused: "ValidationError", calls: 3 });
    expect(result.rule).toMatch(/^#\/components\/schemas\/ServerlessChatCompletionBody/);
    // Nothing reached a server: the page's origin served the bundle and the spec only.
    expect(apiCalls).toEqual([]);
  });
});
