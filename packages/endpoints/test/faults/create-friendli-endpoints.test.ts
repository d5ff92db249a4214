import { createFriendliClient } from "@friendli-ts/client";
import { serveFaults } from "@friendli-ts/test-kit";
import { describe, expect, it } from "vitest";
import { createFriendliEndpoints } from "../../src/create-friendli-endpoints.ts";
import { sendJson, statusBody } from "../support/serve-endpoints.ts";

const serve = serveFaults();

describe("createFriendliEndpoints", () => {
  it("shares a given client, layering any options given with it", async () => {
    const server = await serve((_req, res) => sendJson(res, 200, statusBody("RUNNING")));
    const client = createFriendliClient({
      baseURL: server.url,
      token: "shared-token",
      teamId: "team-a",
      maxRetries: 0,
    });

    const shared = createFriendliEndpoints({ client });
    expect(shared.client).toBe(client);
    await shared.status("ep-1");

    const otherTeam = createFriendliEndpoints({ client, teamId: "team-b" });
    await otherTeam.status("ep-1");
    await otherTeam.withOptions({ teamId: "team-c" }).status("ep-1");

    expect(server.requests.map((r) => [r.headers.authorization, r.headers["x-friendli-team"]])).toEqual([
      ["Bearer shared-token", "team-a"],
      ["Bearer shared-token", "team-b"],
      ["Bearer shared-token", "team-c"],
    ]);
  });

  it("builds its own client from the options when none is given", async () => {
    const server = await serve((_req, res) => sendJson(res, 200, statusBody("SLEEPING")));
    const endpoints = createFriendliEndpoints({ baseURL: server.url, token: "own-token", maxRetries: 0 });
    expect(endpoints.client.options.baseURL).toBe(server.url);
    await expect(endpoints.sleep("ep-1")).resolves.toMatchObject({ status: "SLEEPING" });
    expect(server.requests[0]).toMatchObject({ method: "PUT", path: "/dedicated/beta/endpoint/ep-1/sleep" });
  });
});
