import type { IncomingMessage } from "node:http";
import { APITimeoutError } from "@friendli-ts/client";
import { type FaultHandler, recordSentRequests, serveFaults } from "@friendli-ts/test-kit";
import { describe, expect, it } from "vitest";
import { createFriendliEndpoints, type FriendliEndpoints } from "../../src/index.ts";
import { createBody, sendJson, statusBody } from "../support/serve-endpoints.ts";

// Every helper (a method that makes more than one request) must send the caller's call
// options with each request it makes: here a header, the team, a timeout and the retries.

const serve = serveFaults();

/** The query parameter `name` of a request, or null. */
function queryParam(req: IncomingMessage, name: string): string | null {
  return new URL(req.url ?? "/", "http://x").searchParams.get(name);
}

/**
 * A small API: every list has two pages, an endpoint status is AWAKING on the first poll and
 * RUNNING after. Requests past the first `answered` are never answered.
 */
function twoStepApi(answered = Number.POSITIVE_INFINITY): FaultHandler {
  let statusPolls = 0;
  return (req, res, { attempt }) => {
    if (attempt > answered) return; // hangs: only a timeout can end it
    const path = (req.url ?? "/").split("?")[0];
    if (req.method === "POST" && path === "/dedicated/beta/endpoint") {
      return sendJson(res, 200, statusBody("INITIALIZING", { endpointId: "ep-new" }));
    }
    if (req.method === "POST" && path === "/dedicated/endpoint/wandb-artifact-create") {
      return sendJson(res, 200, { endpointId: "ep-w", endpointName: "n", projectId: "p", projectName: "p" });
    }
    if (req.method === "PUT" && path?.endsWith("/wake")) return sendJson(res, 200, statusBody("AWAKING"));
    if (path?.endsWith("/status")) return sendJson(res, 200, statusBody(statusPolls++ === 0 ? "AWAKING" : "RUNNING"));
    if (path === "/dedicated/beta/endpoint") {
      const second = queryParam(req, "cursor") === "c2";
      return sendJson(res, 200, {
        data: { [second ? "b" : "a"]: statusBody("RUNNING") },
        nextCursor: second ? null : "c2",
      });
    }
    if (path?.endsWith("/version")) {
      const second = queryParam(req, "cursor") === "v2";
      const spec = { name: "n", gpuType: "g", numGpu: 1 };
      return sendJson(res, 200, { data: { [second ? "1" : "0"]: spec }, nextCursor: second ? null : "v2" });
    }
    if (path === "/v1/team/cost" || path === "/v1/team/usage") {
      const second = queryParam(req, "page") === "p2";
      const bucket = { start_time: "2026-01-01T00:00:00Z", end_time: "2026-01-02T00:00:00Z", results: [] };
      return sendJson(res, 200, { has_more: !second, next_page: second ? null : "p2", data: [bucket] });
    }
    sendJson(res, 500, { message: `unexpected ${req.method} ${req.url}` });
  };
}

const range = { start_time: "2026-01-01", end_time: "2026-01-03" };
const fast = { intervalMs: 1, maxIntervalMs: 2 };

/** Each helper, called with `options` (which a wait helper gets with its fast polling). */
const helpers: [string, number, (e: FriendliEndpoints, options: object) => Promise<unknown>][] = [
  // name, requests it makes against twoStepApi, the call
  ["waitFor", 2, (e, o) => e.waitFor("ep-1", "RUNNING", { ...fast, ...o })],
  ["createAndWait", 3, (e, o) => e.createAndWait(createBody, { ...fast, ...o })],
  [
    "createFromWandbArtifactAndWait",
    3,
    (e, o) => e.createFromWandbArtifactAndWait({ wandbArtifactVersionName: "org/r/m:v0" }, { ...fast, ...o }),
  ],
  ["wakeAndWait", 3, (e, o) => e.wakeAndWait("ep-1", { ...fast, ...o })],
  ["listAll", 2, (e, o) => e.listAll({ limit: 1 }, o).toArray()],
  ["listAllVersions", 2, (e, o) => e.listAllVersions("ep-1", { limit: 1 }, o).toArray()],
  ["cost.listAll", 2, (e, o) => e.cost.listAll(range, o).toArray()],
  ["usage.listAll", 2, (e, o) => e.usage.listAll(range, o).toArray()],
];

async function endpointsOn(handler: FaultHandler) {
  const server = await serve(handler);
  // Counted as they leave: a call that times out may end before the server reads its request.
  const { fetch, sent } = recordSentRequests();
  // The client's own settings, which each call below overrides.
  const endpoints = createFriendliEndpoints({
    baseURL: server.url,
    token: "t",
    teamId: "client-team",
    timeout: 60_000,
    maxRetries: 3,
    fetch,
  });
  return { server, sent, endpoints };
}

describe("per-call options reach every request of a helper", () => {
  it.each(helpers)("%s sends the call's headers and team with each request", async (_name, count, helper) => {
    const { server, endpoints } = await endpointsOn(twoStepApi());
    const responses: number[] = [];
    await helper(endpoints, {
      headers: { "x-trace": "abc" },
      teamId: "call-team",
      onResponse: (r: Response) => responses.push(r.status),
    });
    expect(server.requests).toHaveLength(count);
    for (const request of server.requests) {
      expect(request.headers).toMatchObject({ "x-trace": "abc", "x-friendli-team": "call-team" });
    }
    expect(responses).toEqual(Array(count).fill(200));
  });

  it.each(helpers)("%s ends with the call's timeout on its last request", async (_name, count, helper) => {
    // Every request but the last one is answered; only the call's timeout can end the last.
    const { sent, endpoints } = await endpointsOn(twoStepApi(count - 1));
    await expect(helper(endpoints, { timeout: 200, maxRetries: 0 })).rejects.toBeInstanceOf(APITimeoutError);
    // No retry: the call's maxRetries reached that request too.
    expect(sent).toHaveLength(count);
  });
});

describe("per-call options of a single call", () => {
  it("a call's timeout and retries override the client's, and its headers are sent", async () => {
    const { sent, endpoints } = await endpointsOn(() => new Promise<void>(() => {}));
    await expect(
      endpoints.get("ep-1", { timeout: 50, maxRetries: 0, headers: { "x-trace": "abc" }, teamId: "team-2" }),
    ).rejects.toBeInstanceOf(APITimeoutError);
    // What the client sent: one request (no retry), with the call's headers.
    expect(sent).toHaveLength(1);
    expect(sent[0]?.headers.get("x-trace")).toBe("abc");
    expect(sent[0]?.headers.get("x-friendli-team")).toBe("team-2");
  });
});
