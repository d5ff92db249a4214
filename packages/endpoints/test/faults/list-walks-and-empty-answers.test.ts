import { FriendliError, InvalidResponseError, PageLimitError } from "@friendli-ts/client";
import { describe, expect, it } from "vitest";
import { sendJson, serveEndpoints, statusBody } from "../support/serve-endpoints.ts";

const serve = serveEndpoints();

// Without an end, these walks ran for good: thousands of requests a second.
const BOUNDED = { timeout: 10_000 };
const bucket = { start_time: "2026-01-01T00:00:00Z", end_time: "2026-01-02T00:00:00Z", results: [] };

describe("a list walk ends whatever the server sends", () => {
  it("endpoints: empty pages, each with a fresh cursor, end the walk in a few requests", BOUNDED, async () => {
    const { endpoints, server } = await serve((_req, res, { attempt }) =>
      sendJson(res, 200, { data: {}, nextCursor: `c${attempt + 1}` }),
    );
    expect(await endpoints.listAll().toArray(1)).toEqual([]);
    expect(server.requests).toHaveLength(3);
  });

  it("endpoint versions: the same", BOUNDED, async () => {
    const { endpoints, server } = await serve((_req, res, { attempt }) =>
      sendJson(res, 200, { data: {}, nextCursor: `v${attempt + 1}` }),
    );
    expect(await endpoints.listAllVersions("ep-1").toArray()).toEqual([]);
    expect(server.requests).toHaveLength(3);
  });

  it("team cost: empty pages that keep saying has_more end the walk", BOUNDED, async () => {
    const { endpoints, server } = await serve((_req, res, { attempt }) =>
      sendJson(res, 200, { has_more: true, next_page: `p${attempt + 1}`, data: [] }),
    );
    const range = { start_time: "2026-01-01", end_time: "2026-01-02" };
    expect(await endpoints.cost.listAll(range).toArray(1)).toEqual([]);
    expect(server.requests).toHaveLength(3);
  });

  it("pages with items and fresh cursors for good stop at maxPages with a PageLimitError", BOUNDED, async () => {
    const { endpoints, server } = await serve(
      (_req, res, { attempt }) => sendJson(res, 200, { has_more: true, next_page: `p${attempt + 1}`, data: [bucket] }),
      { maxPages: 4 },
    );
    const read: unknown[] = [];
    const error = await (async () => {
      for await (const day of endpoints.cost.listAll({ start_time: "2026-01-01", end_time: "2026-01-02" })) {
        read.push(day);
      }
    })().catch((e: unknown) => e);
    expect(error).toBeInstanceOf(PageLimitError);
    expect(error).toMatchObject({ maxPages: 4 });
    expect(read).toHaveLength(4);
    expect(server.requests).toHaveLength(4);
  });
});

describe("an answer with no body where the spec promises JSON", () => {
  it.each([204, 205])("waitFor on a %i is an InvalidResponseError, not a TypeError", async (status) => {
    const { endpoints } = await serve((_req, res) => void res.writeHead(status).end());
    const error = await endpoints.waitFor("ep-1", "RUNNING", { intervalMs: 1 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toBeInstanceOf(FriendliError);
    expect(error).toMatchObject({ status });
  });

  it("a status answer with a body resolves as before", async () => {
    const { endpoints } = await serve((_req, res) => sendJson(res, 200, statusBody("RUNNING")));
    await expect(endpoints.waitFor("ep-1", "RUNNING")).resolves.toMatchObject({ status: "RUNNING" });
  });
});
