import * as client from "@friendli-ts/client";
import { type FaultServer, startFaultServer } from "@friendli-ts/test-kit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import * as datasets from "../../src/index.ts";

let server: FaultServer;
beforeAll(async () => {
  server = await startFaultServer((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify({ id: "x", name: "x", createdAt: 0, updatedAt: 0 }));
  });
});
afterAll(() => server.stop());
beforeEach(() => {
  server.requests.length = 0;
});

describe("wrong ids", () => {
  const friendli = () => datasets.createFriendliDatasets({ baseURL: server.url, token: "t", maxRetries: 0 });
  const wrongIds = ["", "..", "a/b", undefined as unknown as string];
  const calls: [string, (id: string) => Promise<unknown>][] = [
    ["datasets.get", (id) => friendli().datasets.get(id)],
    ["datasets.openById", (id) => friendli().datasets.openById(id, { projectId: "p", modality: ["TEXT"] })],
    ["splits.delete", (id) => friendli().splits.delete("ds-1", id)],
    ["samples.add", (id) => friendli().samples.add(id, "sp-1", ["{}"])],
    ["versions.get", (id) => friendli().versions.get("ds-1", id)],
    ["files.getInfo", (id) => friendli().files.getInfo(id)],
    ["samples.listAll", (id) => friendli().samples.listAll("ds-1", id).toArray()],
  ];

  it.each(calls)("%s throws an InvalidInputError naming the parameter, before any request", async (_name, call) => {
    for (const id of wrongIds) {
      const error = await call(id).catch((e: unknown) => e);
      expect(error, JSON.stringify(id)).toBeInstanceOf(datasets.InvalidInputError);
      expect((error as Error).message).toMatch(/path parameter `\w+_id`/);
    }
    expect(server.requests).toHaveLength(0);
  });
});

describe("the package index", () => {
  it("re-exports the client's error classes and PagedItems, the same classes", () => {
    expect(datasets.RateLimitError).toBe(client.RateLimitError);
    expect(datasets.APIError).toBe(client.APIError);
    expect(datasets.APITimeoutError).toBe(client.APITimeoutError);
    expect(datasets.InvalidInputError).toBe(client.InvalidInputError);
    expect(datasets.FriendliError).toBe(client.FriendliError);
    expect(datasets.PagedItems).toBe(client.PagedItems);
    expect(new datasets.StorageUploadError("m", { fileId: "f", status: null })).toBeInstanceOf(client.FriendliError);
  });

  it("does not re-export the client's internals", () => {
    expect(Object.keys(datasets)).not.toContain("plainFetch");
    expect(Object.keys(datasets)).not.toContain("paginate");
  });
});

describe("a passed-in client", () => {
  it("is used as is when no other client option is given", () => {
    const shared = client.createFriendliClient({ baseURL: server.url, token: "t" });
    expect(datasets.createFriendliDatasets({ client: shared }).client).toBe(shared);
    expect(datasets.createFriendliDatasets({ client: shared, timeout: undefined }).client).toBe(shared);
  });

  it("is used through withOptions when other client options are given", async () => {
    const shared = client.createFriendliClient({ baseURL: server.url, token: "t", teamId: "team-a", timeout: 1000 });
    const friendli = datasets.createFriendliDatasets({ client: shared, teamId: "team-b" });
    expect(friendli.client).not.toBe(shared);
    expect(friendli.client.options).toMatchObject({ baseURL: server.url, teamId: "team-b", timeout: 1000 });
    await friendli.datasets.get("ds-1");
    expect(server.requests[0]?.headers).toMatchObject({ authorization: "Bearer t", "x-friendli-team": "team-b" });
    // The shared client is unchanged.
    expect(shared.options.teamId).toBe("team-a");
  });

  it("withOptions gives the same API over the client with those options, the first unchanged", async () => {
    const friendli = datasets.createFriendliDatasets({ baseURL: server.url, token: "t", teamId: "team-a" });
    const other = friendli.withOptions({ teamId: "team-b" });
    await other.datasets.get("ds-1");
    await other.files.getInfo("f-1");
    await friendli.datasets.get("ds-1");
    expect(server.requests.map((r) => r.headers["x-friendli-team"])).toEqual(["team-b", "team-b", "team-a"]);
    expect(other.withOptions({ timeout: 5 }).client.options).toMatchObject({ teamId: "team-b", timeout: 5 });
  });
});
