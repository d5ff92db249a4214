import { InvalidInputError } from "@friendli-ts/client";
import { describe, expect, it } from "vitest";
import { sendJson, serveEndpoints } from "../support/serve-endpoints.ts";

const serve = serveEndpoints();

describe("list pages", () => {
  it("fill in a missing data object and read a non-string cursor as the end", async () => {
    const { endpoints } = await serve((req, res) =>
      sendJson(res, 200, req.url?.includes("/version") ? { nextCursor: 42 } : { nextCursor: "" }),
    );
    await expect(endpoints.list()).resolves.toEqual({ data: {}, nextCursor: null });
    await expect(endpoints.listVersions("ep-1")).resolves.toEqual({ data: {}, nextCursor: null });
  });

  it("leave an empty starting cursor out of the query", async () => {
    const { endpoints, server } = await serve((_req, res) => sendJson(res, 200, { data: {} }));
    await endpoints.list({ cursor: "", limit: 5 });
    expect(server.requests[0]?.path).toBe("/dedicated/beta/endpoint?limit=5");
  });
});

describe("endpoint ids", () => {
  it("are encoded into the path", async () => {
    const { endpoints, server } = await serve((_req, res) => sendJson(res, 200, { status: "RUNNING", createdAt: "x" }));
    await endpoints.status("ep 1:x");
    expect(server.requests[0]?.path).toBe("/dedicated/beta/endpoint/ep%201%3Ax/status");
  });

  it("that are empty or would reach another route are rejected before any request", async () => {
    const { endpoints, server } = await serve((_req, res) => sendJson(res, 200, { status: "RUNNING", createdAt: "x" }));
    // `undefined` is what a JavaScript caller can pass; the types say string.
    const bad = ["", "..", ".", "a/b", "a?b", "a#b", undefined as unknown as string];
    const body = { name: "n" };
    for (const id of bad) {
      const calls = [
        () => endpoints.status(id),
        () => endpoints.get(id),
        () => endpoints.update(id, body),
        () => endpoints.delete(id),
        () => endpoints.sleep(id),
        () => endpoints.listVersions(id),
        () => endpoints.listAllVersions(id).toArray(),
        () => endpoints.waitFor(id, "RUNNING"),
        () => endpoints.wakeAndWait(id),
      ];
      for (const call of calls) {
        const error = await call().catch((e: unknown) => e);
        expect(error, `${String(id)}: ${call.toString()}`).toBeInstanceOf(InvalidInputError);
        expect((error as Error).message).toContain("endpoint_id");
      }
    }
    expect(server.requests).toHaveLength(0);
  });
});
