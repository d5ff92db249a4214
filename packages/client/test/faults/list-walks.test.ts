import { fileURLToPath } from "node:url";
import { runNodeScript, serveFaults } from "@friendli-ts/test-kit";
import { describe, expect, it } from "vitest";
import { list_splits } from "../../src/generated/routes.ts";
import { InvalidResponseError } from "../../src/index.ts";
import { coreOf, makeRequest, paginate } from "../../src/internal.ts";
import { faultClient, json } from "../support/fault-client.ts";

const serve = serveFaults();
const internalEntry = fileURLToPath(new URL("../../dist/internal.js", import.meta.url));

/**
 * A walk of a dataset's splits with no check of its own: the door, then `paginate`, which
 * must refuse what it cannot walk (the wrappers also check each page's shape first).
 */
function walkSplits(url: string) {
  const core = coreOf(faultClient(url, { maxRetries: 0 }));
  return paginate(core, undefined, async (cursor) => {
    const query = cursor === undefined ? {} : { cursor };
    const answer = await makeRequest(core, { route: list_splits, params: { path: { dataset_id: "d" }, query } });
    const page = answer.data as { data?: unknown; nextCursor?: unknown };
    return { items: page.data as unknown[], next: page.nextCursor, response: answer.response };
  });
}

describe("a list walk checks each page's shape before walking it", () => {
  it.each([
    ["null", { data: null }],
    ["a string", { data: "abc" }],
    ["an object", { data: { a: 1 } }],
  ])("items given as %s are an InvalidResponseError, not walked", async (_what, body) => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json", "x-request-id": "req-1" }).end(json(body));
    });
    const error = await walkSplits(server.url)
      .toArray()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as InvalidResponseError).message).toBe(
      "a page of the list has the wrong shape: its items are not a list",
    );
    expect((error as InvalidResponseError).requestId).toBe("req-1");
  });

  it("good pages are walked to the end", async () => {
    const server = await serve((req, res) => {
      const second = req.url?.includes("cursor=c2") ?? false;
      const body = second ? { data: [2] } : { data: [1], nextCursor: "c2" };
      res.writeHead(200, { "content-type": "application/json" }).end(json(body));
    });
    expect(await walkSplits(server.url).toArray()).toEqual([1, 2]);
  });

  it("a next-page token past 4,096 characters is an InvalidResponseError, not sent back", async () => {
    const server = await serve((_req, res) => {
      res
        .writeHead(200, { "content-type": "application/json" })
        .end(json({ data: [1], nextCursor: "c".repeat(4_097) }));
    });
    const walked: unknown[] = [];
    const error = await (async () => {
      for await (const item of walkSplits(server.url)) walked.push(item);
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect((error as Error).message).toMatch(/4097 characters, more than 4096/);
    expect(walked).toEqual([1]);
    expect(server.requests).toHaveLength(1);
  });
});

describe("a list walk remembers cursors in fixed memory", () => {
  it("3,000 pages of distinct 4,000-character cursors leave the heap flat", { timeout: 60_000 }, async () => {
    const script = `
      import { paginate } from ${JSON.stringify(internalEntry)};
      const heap = () => { globalThis.gc(); return process.memoryUsage().heapUsed; };
      const PAGES = 3_000;
      let asked = 0;
      const walk = paginate({ options: { maxPages: 10_000 } }, undefined, async () => {
        asked++;
        // A fresh flat string per page, as a server's JSON gives: no two share memory.
        const next = asked < PAGES ? JSON.parse(\`"\${String(asked).padStart(4_000, "x")}"\`) : null;
        return { items: [asked], next };
      });
      const iterator = walk[Symbol.asyncIterator]();
      await iterator.next();
      const base = heap();
      let peak = 0;
      for (let n = 1; !(await iterator.next()).done; n++) if (n % 500 === 0) peak = Math.max(peak, heap() - base);
      console.log(JSON.stringify({ asked, peakGrowthMB: peak / 2 ** 20 }));
    `;
    const { code, output } = await runNodeScript(script, { flags: ["--expose-gc"], timeoutMs: 50_000 });
    expect(code, output).toBe(0);
    const result = JSON.parse(output.trim().split("\n").at(-1) ?? "{}");
    expect(result.asked).toBe(3_000);
    // Keeping every cursor holds about 10 MB here; the window, about 0.1 MB.
    expect(result.peakGrowthMB).toBeLessThan(3);
  });
});
