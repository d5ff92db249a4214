import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { launchChromium, skipWithoutChromium } from "@friendli-ts/test-kit/chromium";
import { type PageOrigin, servePage } from "@friendli-ts/test-kit/serve-page";
import { build } from "esbuild";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { expectScenarioResult, inProcessScenario } from "../support/in-process-scenario.ts";

// The in-process mock is web APIs only: this bundles `@friendli-ts/testing/in-process` and the
// client for the browser (a `node:` import fails the bundle) and runs them in a real headless
// Chromium: a streamed chat, a scripted fault and a refused request, with no mock server.
// The page's origin serves only the bundle and the spec. Without Chromium the test is
// skipped, except under CI (as in packages/client/test/browser).
const specFile = fileURLToPath(new URL("../../dist/mock/friendli-openapi.normalized.json", import.meta.url));

let page: PageOrigin | undefined;
let browser: Browser | undefined;

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
  page = await servePage({
    "/mock.js": { type: "text/javascript", body: result.outputFiles[0]?.text ?? "" },
    "/spec.json": { type: "application/json", body: readFileSync(specFile) },
  });
}, 60_000);

afterAll(async () => {
  await browser?.close();
  await page?.close();
});

describe.skipIf(skipWithoutChromium)("the in-process mock in a real browser", () => {
  it("bundles without Node built-ins; streams a chat, plays a cut, refuses a bad request with its rule", async () => {
    browser = await launchChromium(chromium);
    const tab = await browser.newPage();
    const origin = page?.origin;
    await tab.goto(`${origin}/`);
    // Passed as source text: the test runner would rewrite a dynamic import in a function.
    const result = (await tab.evaluate(`(async () => {
      ${inProcessScenario}
      const entry = await import("${origin}/mock.js");
      const spec = await (await fetch("${origin}/spec.json")).json();
      return runScenario(entry, { spec });
    })()`)) as Record<string, unknown>;
    expectScenarioResult(result);
    // Nothing reached a server: the page's origin served the bundle and the spec only.
    expect(page?.stray).toEqual([]);
  });
});
