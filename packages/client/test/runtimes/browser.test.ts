import { fileURLToPath } from "node:url";
import { launchChromium, skipWithoutChromium } from "@friendli-ts/test-kit/chromium";
import { type PageOrigin, servePage } from "@friendli-ts/test-kit/serve-page";
import { build } from "esbuild";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readChatText, sseChunk, writeChatStream } from "../support/chat-stream-server.ts";

// The client's runtime code uses web APIs only. This bundles it for the browser (a `node:`
// import fails the bundle) and runs a streamed chat in a real headless Chromium against a
// local server. .ci/run installs Debian's chromium; elsewhere, without it, the test is
// skipped (under CI it fails instead, so a missing browser cannot pass unnoticed).

const entry = fileURLToPath(new URL("../../src/index.ts", import.meta.url));
let page: PageOrigin | undefined;
let browser: Browser | undefined;
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
  page = await servePage(
    { "/client.js": { type: "text/javascript", body: result.outputFiles[0]?.text ?? "" } },
    async (req, res) => {
      if (req.url !== "/serverless/v1/chat/completions") return false;
      seen.push({ path: req.url, authorization: req.headers.authorization });
      await writeChatStream(res, [sseChunk("Hello"), sseChunk(" from"), sseChunk(" the browser")]);
      return true;
    },
  );
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await page?.close();
});

describe.skipIf(skipWithoutChromium)("in a real browser", () => {
  it("bundles without Node built-ins and streams a chat completion", async () => {
    browser = await launchChromium(chromium);
    const tab = await browser.newPage();
    const origin = page?.origin;
    await tab.goto(`${origin}/`);
    // Passed as source text: the test runner would rewrite a dynamic import in a function.
    const text = await tab.evaluate(`(async () => {
      ${readChatText}
      const sdk = await import("${origin}/client.js");
      return readChatText(sdk.createFriendliClient({ baseURL: "${origin}", token: "browser-token" }));
    })()`);
    expect(text).toBe("Hello from the browser");
    expect(seen.map((r) => r.authorization)).toEqual(["Bearer browser-token"]);
    expect(page?.stray).toEqual([]);
  });
});
