import type { ServerResponse } from "node:http";
import { type FaultHandler, serveFaults } from "@friendli-ts/test-kit";
import { describe, expect, it } from "vitest";
import { createFriendliDatasets, PageLimitError, type SharedClientOptions } from "../../src/index.ts";

const serve = serveFaults();
// Without an end, these walks ran for good: thousands of requests a second.
const BOUNDED = { timeout: 10_000 };

function sendJson(res: ServerResponse, body: unknown): void {
  res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(body));
}

async function start(handler: FaultHandler, options: SharedClientOptions = {}) {
  const server = await serve(handler);
  const friendli = createFriendliDatasets({ baseURL: server.url, token: "tok", maxRetries: 0, ...options });
  return { server, friendli };
}

const dataset = (id: string) => ({ id, name: id, createdAt: 1, updatedAt: 1, modality: {} });

describe("a dataset list walk ends whatever the server sends", () => {
  it("datasets: empty pages, each with a fresh cursor, end the walk in a few requests", BOUNDED, async () => {
    const { friendli, server } = await start((_req, res, { attempt }) =>
      sendJson(res, { data: [], nextCursor: `c${attempt + 1}` }),
    );
    expect(await friendli.datasets.listAll({ projectId: "p" }).toArray(1)).toEqual([]);
    expect(server.requests).toHaveLength(3);
  });

  it("splits and samples: the same", BOUNDED, async () => {
    const { friendli, server } = await start((_req, res, { attempt }) =>
      sendJson(res, { data: [], nextCursor: `c${attempt + 1}` }),
    );
    expect(await friendli.splits.listAll("ds-1").toArray()).toEqual([]);
    expect(await friendli.samples.listAll("ds-1", "split-1").toArray()).toEqual([]);
    expect(server.requests).toHaveLength(6);
  });

  it("an empty page between full ones is walked through", async () => {
    const pages = [[dataset("a")], [], [dataset("b")]];
    const { friendli } = await start((_req, res, { attempt }) =>
      sendJson(res, { data: pages[attempt - 1] ?? [], nextCursor: attempt < pages.length ? `c${attempt + 1}` : null }),
    );
    const ids = (await friendli.datasets.listAll({ projectId: "p" }).toArray()).map((d) => d.id);
    expect(ids).toEqual(["a", "b"]);
  });

  it("full pages with fresh cursors for good stop at maxPages with a PageLimitError", BOUNDED, async () => {
    const { friendli, server } = await start(
      (_req, res, { attempt }) => sendJson(res, { data: [dataset(`d${attempt}`)], nextCursor: `c${attempt + 1}` }),
      { maxPages: 5 },
    );
    await expect(friendli.datasets.listAll({ projectId: "p" }).toArray()).rejects.toBeInstanceOf(PageLimitError);
    expect(server.requests).toHaveLength(5);
  });
});
