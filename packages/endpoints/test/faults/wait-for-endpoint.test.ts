import { APIUserAbortError, InvalidInputError } from "@friendli-ts/client";
import type { FaultHandler } from "@friendli-ts/test-kit";
import { describe, expect, it } from "vitest";
import { EndpointFailedError } from "../../src/endpoint-failed-error.ts";
import { EndpointNotFoundError } from "../../src/endpoint-not-found-error.ts";
import { EndpointWaitTimeoutError } from "../../src/endpoint-wait-timeout-error.ts";
import { readWaitOptions, type WaitProgress } from "../../src/wait-for-endpoint.ts";
import { createBody, sendJson, serveEndpoints, statusBody } from "../support/serve-endpoints.ts";

const serve = serveEndpoints();

/** Answers status polls with `sequence` in order, repeating the last answer after it. */
function statusSequence(sequence: Record<string, unknown>[], times: number[] = []): FaultHandler {
  let next = 0;
  return (req, res) => {
    times.push(performance.now());
    if (!req.url?.endsWith("/status")) return sendJson(res, 500, { message: `unexpected ${req.method} ${req.url}` });
    sendJson(res, 200, sequence[Math.min(next++, sequence.length - 1)]);
  };
}

const fast = { intervalMs: 10, backoffFactor: 2, maxIntervalMs: 40 };

describe("waitFor", () => {
  it("walks INITIALIZING phases to RUNNING with growing delays, reporting each change", async () => {
    const times: number[] = [];
    const { endpoints, server } = await serve(
      statusSequence(
        [
          statusBody("INITIALIZING", { phase: "REQUESTING_VIRTUAL_MACHINE" }),
          statusBody("INITIALIZING", { phase: "DOWNLOADING_MODEL" }),
          statusBody("INITIALIZING", { phase: "DOWNLOADING_MODEL" }),
          statusBody("INITIALIZING", { phase: "ENGINE_INITIALIZING" }),
          statusBody("RUNNING"),
        ],
        times,
      ),
    );
    const progress: WaitProgress[] = [];
    const final = await endpoints.waitFor("ep-1", "RUNNING", { ...fast, onProgress: (p) => progress.push(p) });

    expect(final.status).toBe("RUNNING");
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual(
      Array(5).fill("GET /dedicated/beta/endpoint/ep-1/status"),
    );
    // The unchanged third answer is not reported.
    expect(progress.map((p) => [p.status, p.phase, p.polls])).toEqual([
      ["INITIALIZING", "REQUESTING_VIRTUAL_MACHINE", 1],
      ["INITIALIZING", "DOWNLOADING_MODEL", 2],
      ["INITIALIZING", "ENGINE_INITIALIZING", 4],
      ["RUNNING", null, 5],
    ]);
    expect(progress[3]).toMatchObject({ previousStatus: "INITIALIZING", previousPhase: "ENGINE_INITIALIZING" });
    // Delays 10, 20, 40, 40 (capped); a little slack below for timer rounding.
    const gaps = times.slice(1).map((t, i) => t - times[i]!);
    for (const [i, expected] of [10, 20, 40, 40].entries()) expect(gaps[i]).toBeGreaterThanOrEqual(expected - 3);
  });

  it("accepts several targets and returns at once when the first answer is one", async () => {
    const { endpoints, server } = await serve(statusSequence([statusBody("SLEEPING")]));
    const final = await endpoints.waitFor("ep-1", ["RUNNING", "SLEEPING"], fast);
    expect(final.status).toBe("SLEEPING");
    expect(server.requests).toHaveLength(1);
  });

  it("fails fast with the error code when the endpoint reaches FAILED", async () => {
    const { endpoints, server } = await serve(
      statusSequence([
        statusBody("INITIALIZING", { phase: "DOWNLOADING_MODEL" }),
        statusBody("FAILED", { errorCode: "WORKLOAD_INIT_DOWNLOAD_ERROR" }),
        statusBody("RUNNING"),
      ]),
    );
    const error = await endpoints.waitFor("ep-1", "RUNNING", fast).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EndpointFailedError);
    expect(error).toMatchObject({
      endpointId: "ep-1",
      status: "FAILED",
      errorCode: "WORKLOAD_INIT_DOWNLOAD_ERROR",
      target: ["RUNNING"],
    });
    expect((error as Error).message).toContain("WORKLOAD_INIT_DOWNLOAD_ERROR");
    expect(server.requests).toHaveLength(2);
  });

  it("treats TERMINATED as a failure, unless it is what the caller waits for", async () => {
    const terminated = statusSequence([statusBody("TERMINATING"), statusBody("TERMINATED")]);
    const { endpoints } = await serve(terminated);
    await expect(endpoints.waitFor("ep-1", "RUNNING", fast)).rejects.toMatchObject({
      name: "EndpointFailedError",
      status: "TERMINATED",
      errorCode: null,
    });
    const { endpoints: again } = await serve(statusSequence([statusBody("TERMINATING"), statusBody("TERMINATED")]));
    await expect(again.waitFor("ep-1", "TERMINATED", fast)).resolves.toMatchObject({ status: "TERMINATED" });
  });

  it("times out with the last status when the endpoint never gets there", async () => {
    const { endpoints, server } = await serve(
      statusSequence([statusBody("INITIALIZING", { phase: "DOWNLOADING_MODEL" })]),
    );
    const started = performance.now();
    const error = await endpoints
      .waitFor("ep-1", "RUNNING", { ...fast, timeoutMs: 500 })
      .catch((e: unknown) => e as EndpointWaitTimeoutError);
    const elapsed = performance.now() - started;

    expect(error).toBeInstanceOf(EndpointWaitTimeoutError);
    expect(error).toMatchObject({ endpointId: "ep-1", timeoutMs: 500, target: ["RUNNING"] });
    expect((error as EndpointWaitTimeoutError).lastStatus?.phase).toBe("DOWNLOADING_MODEL");
    expect(elapsed).toBeGreaterThanOrEqual(490);
    // The deadline leaves room for the first status on a busy machine; polling goes on
    // until the deadline, which ends the wait soon after.
    expect(elapsed).toBeLessThan(5_000);
    expect(server.requests.length).toBeGreaterThanOrEqual(1);
  });

  it("takes Infinity as no deadline (a huge setTimeout would fire at once)", async () => {
    const { endpoints } = await serve(statusSequence([statusBody("AWAKING"), statusBody("RUNNING")]));
    await expect(
      endpoints.waitFor("ep-1", "RUNNING", { ...fast, timeoutMs: Number.POSITIVE_INFINITY }),
    ).resolves.toMatchObject({ status: "RUNNING" });
  });

  it("times out even while a status request hangs", async () => {
    const { endpoints } = await serve(() => {
      // Never answers: only the wait's own deadline can end this.
    });
    const error = await endpoints.waitFor("ep-1", "RUNNING", { timeoutMs: 50 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EndpointWaitTimeoutError);
    expect((error as EndpointWaitTimeoutError).lastStatus).toBeNull();
  });

  it("stops on abort between polls, and sends nothing more", async () => {
    const { endpoints, server } = await serve(statusSequence([statusBody("INITIALIZING")]));
    const controller = new AbortController();
    const error = await endpoints
      .waitFor("ep-1", "RUNNING", {
        intervalMs: 1000,
        signal: controller.signal,
        // Called after the first answer, before the pause: the abort lands in the pause.
        onProgress: () => controller.abort(new Error("user gave up")),
      })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIUserAbortError);
    expect((error as Error).cause).toEqual(new Error("user gave up"));
    expect(server.requests).toHaveLength(1);
  });

  it("stops on abort during a status request", async () => {
    const inFlight = new AbortController();
    // The server has the request when it aborts, and never answers it.
    const { endpoints, server } = await serve(() => inFlight.abort());
    await expect(endpoints.waitFor("ep-1", "RUNNING", { signal: inFlight.signal })).rejects.toBeInstanceOf(
      APIUserAbortError,
    );
    expect(server.requests).toHaveLength(1);
  });

  it("sends nothing when the signal is already aborted or the input is bad", async () => {
    const { endpoints, server } = await serve(statusSequence([statusBody("RUNNING")]));
    await expect(endpoints.waitFor("ep-1", "RUNNING", { signal: AbortSignal.abort() })).rejects.toBeInstanceOf(
      APIUserAbortError,
    );
    await expect(endpoints.waitFor("", "RUNNING")).rejects.toBeInstanceOf(InvalidInputError);
    await expect(endpoints.waitFor("ep-1", [])).rejects.toBeInstanceOf(InvalidInputError);
    await expect(endpoints.waitFor("ep-1", "RUNNING", { timeoutMs: 0 })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(endpoints.waitFor("ep-1", "RUNNING", { intervalMs: -1 })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(endpoints.waitFor("ep-1", "RUNNING", { intervalMs: 100, maxIntervalMs: 50 })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    await expect(endpoints.waitFor("ep-1", "RUNNING", { backoffFactor: 0.5 })).rejects.toBeInstanceOf(
      InvalidInputError,
    );
    expect(server.requests).toHaveLength(0);
  });

  it("an interval above 15 s is taken when no maximum is given, and refused only above a maximum given", async () => {
    // No maximum: the longest pause is the interval itself, not the 15 s default.
    expect(readWaitOptions({ intervalMs: 20_000 }).backoff).toMatchObject({
      initialDelayMs: 20_000,
      maxDelayMs: 20_000,
    });
    expect(readWaitOptions({}).backoff).toMatchObject({ initialDelayMs: 1000, maxDelayMs: 15_000 });
    expect(readWaitOptions({ intervalMs: 20_000, maxIntervalMs: 60_000 }).backoff.maxDelayMs).toBe(60_000);
    expect(() => readWaitOptions({ intervalMs: 20_000, maxIntervalMs: 15_000 })).toThrow(InvalidInputError);
    // The whole call: a first answer already RUNNING resolves without a pause.
    const { endpoints, server } = await serve(statusSequence([statusBody("RUNNING")]));
    await expect(endpoints.waitFor("ep-1", "RUNNING", { intervalMs: 20_000 })).resolves.toMatchObject({
      status: "RUNNING",
    });
    expect(server.requests).toHaveLength(1);
  });

  it("turns a 404 into an error naming the endpoint", async () => {
    const { endpoints } = await serve((_req, res) => sendJson(res, 404, { detail: "Not Found" }));
    const error = await endpoints.waitFor("ghost-ep", "RUNNING", fast).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EndpointNotFoundError);
    expect((error as Error).message).toMatch(/^endpoint "ghost-ep" was not found/);
  });

  it("rides out a transient 503 through the client's retries", async () => {
    const { endpoints, server } = await serve(
      (_req, res, { attempt }) =>
        attempt === 2
          ? sendJson(res, 503, { message: "busy" })
          : sendJson(res, 200, statusBody(attempt === 1 ? "AWAKING" : "RUNNING")),
      { maxRetries: 1, initialDelayMs: 1, maxDelayMs: 5, logLevel: "error" },
    );
    await expect(endpoints.waitFor("ep-1", "RUNNING", fast)).resolves.toMatchObject({ status: "RUNNING" });
    expect(server.requests).toHaveLength(3);
  });

  it("sends the call's team on every poll", async () => {
    const { endpoints, server } = await serve(statusSequence([statusBody("AWAKING"), statusBody("RUNNING")]), {
      teamId: "client-team",
    });
    await endpoints.waitFor("ep-1", "RUNNING", { ...fast, teamId: "call-team" });
    expect(server.requests.map((r) => r.headers["x-friendli-team"])).toEqual(["call-team", "call-team"]);
  });
});

describe("createAndWait and wakeAndWait", () => {
  it("wakeAndWait wakes the endpoint, counts the wake answer as the first status, then polls", async () => {
    const progress: string[] = [];
    const { endpoints, server } = await serve((req, res, { attempt }) => {
      if (req.method === "PUT") return sendJson(res, 200, statusBody("AWAKING", { phase: "ENGINE_INITIALIZING" }));
      sendJson(res, 200, statusBody(attempt < 3 ? "AWAKING" : "RUNNING"));
    });
    const final = await endpoints.wakeAndWait("ep-1", {
      ...fast,
      onProgress: (p) => progress.push(`${p.status}/${p.phase}`),
    });
    expect(final.status).toBe("RUNNING");
    expect(server.requests.map((r) => `${r.method} ${r.path}`)).toEqual([
      "PUT /dedicated/beta/endpoint/ep-1/wake",
      "GET /dedicated/beta/endpoint/ep-1/status",
      "GET /dedicated/beta/endpoint/ep-1/status",
    ]);
    expect(progress).toEqual(["AWAKING/ENGINE_INITIALIZING", "AWAKING/null", "RUNNING/null"]);
  });

  it("createAndWait follows the id the create answer carries", async () => {
    const { endpoints, server } = await serve((req, res) => {
      if (req.method === "POST") return sendJson(res, 200, statusBody("INITIALIZING", { endpointId: "ep-new" }));
      sendJson(res, 200, statusBody("RUNNING"));
    });
    const result = await endpoints.createAndWait(createBody, fast);
    expect(result).toMatchObject({ endpointId: "ep-new", status: { status: "RUNNING" } });
    expect(server.requests.map((r) => r.path)).toEqual([
      "/dedicated/beta/endpoint",
      "/dedicated/beta/endpoint/ep-new/status",
    ]);
  });

  it("rejects a bad target or wait option before creating or waking anything", async () => {
    const { endpoints, server } = await serve(statusSequence([statusBody("RUNNING")]));
    await expect(endpoints.wakeAndWait("ep-1", { target: [] })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(endpoints.wakeAndWait("ep-1", { intervalMs: 0 })).rejects.toBeInstanceOf(InvalidInputError);
    await expect(
      endpoints.createFromWandbArtifactAndWait({ wandbArtifactVersionName: "a" }, { timeoutMs: -1 }),
    ).rejects.toBeInstanceOf(InvalidInputError);
    await expect(endpoints.createAndWait(createBody, { backoffFactor: 0.5 })).rejects.toBeInstanceOf(InvalidInputError);
    expect(server.requests).toHaveLength(0);
  });
});
