import { APIUserAbortError, InvalidInputError } from "@friendli-ts/client";
import type { FaultHandler, FaultServer } from "@friendli-ts/test-kit";
import { describe, expect, it } from "vitest";
import { sendJson, serveEndpoints, statusBody } from "../support/serve-endpoints.ts";

const serve = serveEndpoints();

type ListPage = { data: Record<string, unknown>; nextCursor?: string | null };

/** Serves list pages by the cursor asked for ("" for the first request). */
function listPages(pages: Record<string, ListPage>): FaultHandler {
  return (req, res) => {
    const cursor = new URL(req.url ?? "/", "http://x").searchParams.get("cursor") ?? "";
    const page = pages[cursor];
    if (!page) return sendJson(res, 400, { message: `no page for cursor "${cursor}"` });
    sendJson(res, 200, page);
  };
}

function endpointsNamed(...ids: string[]): Record<string, unknown> {
  return Object.fromEntries(ids.map((id) => [id, statusBody("RUNNING")]));
}

function cursorsSent(server: FaultServer): (string | null)[] {
  return server.requests.map((r) => new URL(r.path, "http://x").searchParams.get("cursor"));
}

describe("listAll over a local server", () => {
  it("follows each next cursor across several pages, through an empty page", async () => {
    const { endpoints, server } = await serve(
      listPages({
        "": { data: endpointsNamed("a", "b"), nextCursor: "c2" },
        c2: { data: {}, nextCursor: "c3" },
        c3: { data: endpointsNamed("c"), nextCursor: "c4" },
        c4: { data: endpointsNamed("d", "e"), nextCursor: null },
      }),
    );
    const ids = (await endpoints.listAll({ limit: 2 }).toArray()).map((e) => e.endpointId);
    expect(ids).toEqual(["a", "b", "c", "d", "e"]);
    // Each request carries the newest cursor, never the first one again.
    expect(cursorsSent(server)).toEqual([null, "c2", "c3", "c4"]);
    expect(server.requests.every((r) => r.path.includes("limit=2"))).toBe(true);
  });

  it("stops on a final empty page, an empty cursor, or a missing one", async () => {
    for (const last of [{ nextCursor: null }, { nextCursor: "" }, {}]) {
      const { endpoints, server } = await serve(
        listPages({ "": { data: endpointsNamed("a"), nextCursor: "c2" }, c2: { data: {}, ...last } }),
      );
      expect((await endpoints.listAll().toArray()).map((e) => e.endpointId)).toEqual(["a"]);
      expect(server.requests).toHaveLength(2);
    }
  });

  it("stops when the server hands back a cursor it gave before", async () => {
    const { endpoints, server } = await serve(
      listPages({
        "": { data: endpointsNamed("a"), nextCursor: "c2" },
        c2: { data: endpointsNamed("b"), nextCursor: "c3" },
        c3: { data: endpointsNamed("c"), nextCursor: "c2" },
      }),
    );
    const ids = (await endpoints.listAll().toArray()).map((e) => e.endpointId);
    expect(ids).toEqual(["a", "b", "c"]);
    expect(cursorsSent(server)).toEqual([null, "c2", "c3"]);
  });

  it("stops when a page points at itself", async () => {
    const { endpoints, server } = await serve(
      listPages({
        "": { data: endpointsNamed("a"), nextCursor: "" },
        same: { data: endpointsNamed("b"), nextCursor: "same" },
      }),
    );
    const ids = (await endpoints.listAll({ cursor: "same" }).toArray()).map((e) => e.endpointId);
    expect(ids).toEqual(["b"]);
    expect(cursorsSent(server)).toEqual(["same"]);
  });

  it("toArray(maxItems) ends the walk without asking for the next page", async () => {
    const { endpoints, server } = await serve(
      listPages({
        "": { data: endpointsNamed("a", "b"), nextCursor: "c2" },
        c2: { data: endpointsNamed("c", "d"), nextCursor: "c3" },
        c3: { data: endpointsNamed("e"), nextCursor: null },
      }),
    );
    const ids = (await endpoints.listAll().toArray(3)).map((e) => e.endpointId);
    expect(ids).toEqual(["a", "b", "c"]);
    expect(server.requests).toHaveLength(2);

    const none = await endpoints.listAll().toArray(0);
    expect(none).toEqual([]);
    expect(server.requests).toHaveLength(2);
    await expect(endpoints.listAll().toArray(-1)).rejects.toBeInstanceOf(InvalidInputError);
    await expect(endpoints.listAll().toArray(1.5)).rejects.toBeInstanceOf(InvalidInputError);
    expect(server.requests).toHaveLength(2);
  });

  it("is lazy, and each walk starts again from the first page", async () => {
    const { endpoints, server } = await serve(
      listPages({
        "": { data: endpointsNamed("a"), nextCursor: "c2" },
        c2: { data: endpointsNamed("b"), nextCursor: null },
      }),
    );
    const all = endpoints.listAll();
    expect(server.requests).toHaveLength(0);
    expect((await all.toArray()).map((e) => e.endpointId)).toEqual(["a", "b"]);
    expect((await all.toArray()).map((e) => e.endpointId)).toEqual(["a", "b"]);
    expect(cursorsSent(server)).toEqual([null, "c2", null, "c2"]);
  });

  it("breaking out of for-await stops fetching", async () => {
    const { endpoints, server } = await serve(
      listPages({
        "": { data: endpointsNamed("a", "b"), nextCursor: "c2" },
        c2: { data: endpointsNamed("c"), nextCursor: null },
      }),
    );
    const seen: string[] = [];
    for await (const endpoint of endpoints.listAll()) {
      seen.push(endpoint.endpointId);
      if (seen.length === 1) break;
    }
    expect(seen).toEqual(["a"]);
    expect(server.requests).toHaveLength(1);
  });

  it("an aborted signal stops the walk before the next page is sent", async () => {
    const { endpoints, server } = await serve(
      listPages({
        "": { data: endpointsNamed("a"), nextCursor: "c2" },
        c2: { data: endpointsNamed("b"), nextCursor: null },
      }),
    );
    const controller = new AbortController();
    const seen: string[] = [];
    const walk = (async () => {
      for await (const endpoint of endpoints.listAll({}, { signal: controller.signal })) {
        seen.push(endpoint.endpointId);
        controller.abort();
      }
    })();
    await expect(walk).rejects.toBeInstanceOf(APIUserAbortError);
    expect(seen).toEqual(["a"]);
    expect(server.requests).toHaveLength(1);
  });

  it("walks the version history the same way", async () => {
    const { endpoints, server } = await serve((req, res) => {
      const cursor = new URL(req.url ?? "/", "http://x").searchParams.get("cursor");
      const spec = { name: "n", gpuType: "g", numGpu: 1 };
      sendJson(
        res,
        200,
        cursor ? { data: { "1": spec }, nextCursor: null } : { data: { "0": spec }, nextCursor: "v2" },
      );
    });
    const versions = await endpoints.listAllVersions("ep-1", { limit: 1 }).toArray();
    expect(versions.map((v) => v.version)).toEqual(["0", "1"]);
    expect(server.requests.map((r) => r.path)).toEqual([
      "/dedicated/beta/endpoint/ep-1/version?limit=1",
      "/dedicated/beta/endpoint/ep-1/version?limit=1&cursor=v2",
    ]);
  });
});

describe("cost and usage listAll over a local server", () => {
  const bucket = (day: number) => ({
    start_time: `2026-01-0${day}T00:00:00Z`,
    end_time: `2026-01-0${day + 1}T00:00:00Z`,
    results: [],
  });

  it("follows next_page while has_more is true, and stops when it is false", async () => {
    const { endpoints, server } = await serve((req, res) => {
      const page = new URL(req.url ?? "/", "http://x").searchParams.get("page");
      if (!page) return sendJson(res, 200, { has_more: true, next_page: "p2", data: [bucket(1), bucket(2)] });
      if (page === "p2") return sendJson(res, 200, { has_more: true, next_page: "p3", data: [] });
      // has_more: false wins even if a next_page is still there.
      sendJson(res, 200, { has_more: false, next_page: "p4", data: [bucket(3)] });
    });
    const days = await endpoints.cost.listAll({ start_time: "2026-01-01", end_time: "2026-01-04", limit: 2 }).toArray();
    expect(days.map((d) => d.start_time)).toEqual([
      "2026-01-01T00:00:00Z",
      "2026-01-02T00:00:00Z",
      "2026-01-03T00:00:00Z",
    ]);
    expect(server.requests.map((r) => new URL(r.path, "http://x").searchParams.get("page"))).toEqual([
      null,
      "p2",
      "p3",
    ]);
  });

  it("stops on a repeated next_page, and on has_more without a next_page", async () => {
    const { endpoints, server } = await serve((req, res) => {
      const page = new URL(req.url ?? "/", "http://x").searchParams.get("page");
      sendJson(res, 200, { has_more: true, next_page: "p2", data: [bucket(page ? 2 : 1)] });
    });
    const buckets = await endpoints.usage.listAll({ start_time: "2026-01-01", end_time: "2026-01-03" }).toArray();
    expect(buckets).toHaveLength(2);
    expect(server.requests).toHaveLength(2);

    const { endpoints: noNext, server: noNextServer } = await serve((_req, res) =>
      sendJson(res, 200, { has_more: true, data: [bucket(1)] }),
    );
    await expect(
      noNext.cost.listAll({ start_time: "2026-01-01", end_time: "2026-01-02" }).toArray(),
    ).resolves.toHaveLength(1);
    expect(noNextServer.requests).toHaveLength(1);
  });

  it("checks the time range when the iterator is made, before any request", async () => {
    const { endpoints, server } = await serve((_req, res) => sendJson(res, 200, { has_more: false, data: [] }));
    expect(() => endpoints.cost.listAll({ start_time: "2026-01-02", end_time: "2026-01-01" })).toThrow(
      InvalidInputError,
    );
    expect(() =>
      endpoints.usage.listAll({ start_time: "2026-01-01T10:05:00Z", end_time: "2026-01-02", bucket_width: "1h" }),
    ).toThrow(/whole hour/);
    expect(server.requests).toHaveLength(0);
  });
});
