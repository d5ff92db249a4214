import type { FaultHandler, FaultServer } from "@friendli-ts/test-kit";
import { afterEach, describe, expect, it } from "vitest";
import { localEndpoints, sendJson } from "../test/support/local-endpoints.ts";

const servers: FaultServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

async function start(handler: FaultHandler) {
  const local = await localEndpoints(handler);
  servers.push(local.server);
  return local;
}

describe("list pages", () => {
  it("fill in a missing data object and read a non-string cursor as the end", async () => {
    const { endpoints } = await start((req, res) =>
      sendJson(res, 200, req.url?.includes("/version") ? { nextCursor: 42 } : { nextCursor: "" }),
    );
    await expect(endpoints.list()).resolves.toEqual({ data: {}, nextCursor: null });
    await expect(endpoints.listVersions("ep-1")).resolves.toEqual({ data: {}, nextCursor: null });
  });

  it("leave an empty starting cursor out of the query", async () => {
    const { endpoints, server } = await start((_req, res) => sendJson(res, 200, { data: {} }));
    await endpoints.list({ cursor: "", limit: 5 });
    expect(server.requests[0]?.path).toBe("/dedicated/beta/endpoint?limit=5");
  });
});

describe("endpoint ids", () => {
  it("are encoded into the path, so an id cannot reach another route", async () => {
    const { endpoints, server } = await start((_req, res) => sendJson(res, 200, { status: "RUNNING", createdAt: "x" }));
    await endpoints.status("a/b?c");
    expect(server.requests[0]?.path).toBe("/dedicated/beta/endpoint/a%2Fb%3Fc/status");
  });
});
