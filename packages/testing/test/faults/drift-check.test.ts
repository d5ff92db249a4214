import { InternalServerError, StreamInterruptedError, ValidationError } from "@friendli-ts/client";
import { serveFaults, writeChunks } from "@friendli-ts/test-kit";
import { describe, expect, it } from "vitest";
import { createDriftCheck, type DriftCheckOptions, type DriftReport } from "../../src/drift/index.ts";
import { chatBody, chunk, faultClient, json } from "../support/drift-client.ts";

const serve = serveFaults();

// A value that must never reach a log line: drift reports name paths and rules only.
const CANARY = "sk-canary-7f3a";

const costQuery = { start_time: "2026-01-01T00:00:00Z", end_time: "2026-01-02T00:00:00Z" };
const costBucket = {
  start_time: "2026-01-01T00:00:00Z",
  end_time: "2026-01-02T00:00:00Z",
  results: [{ total: "1.5", quantity: "1", unit_price: "1.5", line_item: CANARY }],
};

/** A client whose answers come from `handler`'s server, with a drift check recording what it reports. */
async function driftClient(answer: { status?: number; body: string; type?: string }, options: DriftCheckOptions = {}) {
  const server = await serve(
    (_req, res) =>
      void res
        .writeHead(answer.status ?? 200, { "content-type": answer.type ?? "application/json", "x-request-id": "req-1" })
        .end(answer.body),
  );
  const reports: DriftReport[] = [];
  const warnings: string[] = [];
  const drift = createDriftCheck({ report: (r) => reports.push(r), ...options });
  const logger = {
    debug() {},
    info() {},
    warn: (m: string) => warnings.push(m),
    error: (m: string) => warnings.push(m),
  };
  const client = faultClient(server.url, { middleware: [drift], logger, logLevel: "warn" });
  return { client, drift, reports, warnings, server };
}

describe("the drift check reports answers that break the spec", () => {
  it.each([
    [
      "a required field missing (a cost page without has_more)",
      { data: [costBucket] },
      { path: "/", message: "must have required property 'has_more'" },
    ],
    [
      "a field of the wrong type",
      { has_more: "no", next_page: null, data: [costBucket] },
      { path: "/has_more", message: "must be boolean" },
    ],
    [
      "a nested field of the wrong type",
      { has_more: false, next_page: null, data: [{ ...costBucket, results: [{ total: 1.5, line_item: CANARY }] }] },
      { path: "/data/0/results/0/total", message: "must be string" },
    ],
  ])("getCost with %s: reported with path and rule, the caller gets the body unchanged", async (_, body, issue) => {
    const { client, drift, reports, warnings } = await driftClient({ body: json(body) });
    const { data } = await client.GET("/v1/team/cost", { params: { query: costQuery } });
    expect(data).toEqual(body);
    await drift.settled();
    expect(reports).toEqual([
      {
        operationId: "getCost",
        status: 200,
        where: "body",
        issues: expect.arrayContaining([issue]),
        requestId: "req-1",
      },
    ]);
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toContain(`friendli: drift: getCost 200 body breaks the spec: ${issue.path} ${issue.message}`);
    expect(warnings[0]).toContain("req-1");
    expect(warnings.join("\n")).not.toContain(CANARY);
  });

  it("an enum value the spec does not list (an endpoint status)", async () => {
    const body = { status: "HIBERNATING", createdAt: "2026-01-01T00:00:00Z" };
    const { client, drift, reports } = await driftClient({ body: json(body) });
    const { data } = await client.GET("/dedicated/beta/endpoint/{endpoint_id}/status", {
      params: { path: { endpoint_id: "ep-1" } },
    });
    expect(data).toEqual(body);
    await drift.settled();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ operationId: "dedicatedGetEndpointStatus", status: 200, where: "body" });
    expect(reports[0]?.issues[0]?.path).toBe("/status");
    expect(reports[0]?.issues[0]?.message).toMatch(/^must be equal to one of the allowed values \(\["UNKNOWN",/);
  });

  it("a conforming answer reports nothing and logs nothing", async () => {
    const body = { has_more: true, next_page: "p2", data: [costBucket] };
    const { client, drift, reports, warnings } = await driftClient({ body: json(body) });
    const { data } = await client.GET("/v1/team/cost", { params: { query: costQuery } });
    expect(data).toEqual(body);
    await drift.settled();
    expect(reports).toEqual([]);
    expect(warnings).toEqual([]);
  });

  it("a success status the operation does not declare", async () => {
    const body = { has_more: false, next_page: null, data: [] };
    const { client, drift, reports } = await driftClient({ status: 201, body: json(body) });
    const { data } = await client.GET("/v1/team/cost", { params: { query: costQuery } });
    expect(data).toEqual(body);
    await drift.settled();
    expect(reports).toEqual([
      expect.objectContaining({
        operationId: "getCost",
        status: 201,
        issues: [{ path: "/", message: expect.stringMatching(/^is not a status this operation answers with/) }],
      }),
    ]);
  });

  it("an error answer is checked where the spec describes its body; the call fails as it would anyway", async () => {
    const { client, drift, reports } = await driftClient({ status: 422, body: json({ detail: "bad id" }) });
    const call = client.GET("/beta/dataset/{dataset_id}", { params: { path: { dataset_id: "d-1" } } });
    await expect(call).rejects.toBeInstanceOf(ValidationError);
    await drift.settled();
    expect(reports).toEqual([
      expect.objectContaining({
        operationId: "get_dataset",
        status: 422,
        issues: [{ path: "/detail", message: "must be array" }],
      }),
    ]);
  });

  it("an error status the spec does not describe (a 500 from a proxy) is not drift", async () => {
    const { client, drift, reports } = await driftClient({
      status: 500,
      body: "<html>bad gateway</html>",
      type: "text/html",
    });
    const call = client.GET("/v1/team/cost", { params: { query: costQuery }, maxRetries: 0 });
    await expect(call).rejects.toBeInstanceOf(InternalServerError);
    await drift.settled();
    expect(reports).toEqual([]);
  });

  it("only the operations asked for, and none at sampleRate 0", async () => {
    const body = json({ data: [] });
    for (const options of [{ operations: ["dedicatedGetEndpointStatus"] as const }, { sampleRate: 0 }]) {
      const { client, drift, reports } = await driftClient({ body }, options);
      await client.GET("/v1/team/cost", { params: { query: costQuery } });
      await drift.settled();
      expect(reports).toEqual([]);
    }
    expect(() => createDriftCheck({ sampleRate: 2 })).toThrowError(RangeError);
  });

  it("a report callback that throws does not reach the call; the logger says so", async () => {
    const body = { data: [] };
    const { client, drift, warnings } = await driftClient(
      { body: json(body) },
      {
        report: () => {
          throw new Error("collector down");
        },
      },
    );
    const { data } = await client.GET("/v1/team/cost", { params: { query: costQuery } });
    expect(data).toEqual(body);
    await drift.settled();
    expect(warnings).toEqual([
      expect.stringContaining("getCost 200 body breaks the spec"),
      "friendli: drift: the report callback threw: collector down",
    ]);
  });

  it("logs through the client's logger at its level: off means silent, report still called", async () => {
    const { drift, reports, warnings, server } = await driftClient({ body: json({ data: [] }) });
    const client = faultClient(server.url, { middleware: [drift], logLevel: "off" });
    await client.GET("/v1/team/cost", { params: { query: costQuery } });
    await drift.settled();
    expect(reports).toHaveLength(1);
    expect(warnings).toEqual([]);
  });
});

describe("the drift check reads each event of a stream", () => {
  const badChunk = json({
    id: "c",
    object: "chat.completion.chunk",
    created: 1,
    choices: [{ index: 0, delta: { content: CANARY }, finish_reason: "exploded" }],
  });

  it("reports the first event breaking a rule, once per stream; the caller reads every event", async () => {
    const server = await serve(async (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      await writeChunks(res, [chunk("A"), `data: ${badChunk}\n\n`, `data: ${badChunk}\n\n`, "data: [DONE]\n\n"]);
      res.end();
    });
    const reports: DriftReport[] = [];
    const warnings: string[] = [];
    const drift = createDriftCheck({ report: (r) => reports.push(r) });
    const logger = { debug() {}, info() {}, warn: (m: string) => warnings.push(m), error() {} };
    const client = faultClient(server.url, { middleware: [drift], logger, logLevel: "warn" });
    const stream = await client.stream("/serverless/v1/chat/completions#stream", { body: chatBody });
    const seen: (string | null | undefined)[] = [];
    for await (const { data } of stream) seen.push(data.choices[0]?.finish_reason);
    expect(seen).toEqual([null, "exploded", "exploded"]);
    await drift.settled();
    expect(reports).toHaveLength(1);
    expect(reports[0]).toMatchObject({ operationId: "serverlessChatStream", status: 200, where: "event 1" });
    expect(reports[0]?.issues.map((i) => i.path)).toContain("/data/choices/0/finish_reason");
    expect(warnings.join("\n")).not.toContain(CANARY);
  });

  it("a conforming stream reports nothing", async () => {
    const server = await serve(async (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      await writeChunks(res, [chunk("A"), chunk("B"), "data: [DONE]\n\n"]);
      res.end();
    });
    const reports: DriftReport[] = [];
    const drift = createDriftCheck({ report: (r) => reports.push(r) });
    const client = faultClient(server.url, { middleware: [drift] });
    let text = "";
    for await (const { data } of await client.stream("/serverless/v1/chat/completions#stream", { body: chatBody })) {
      text += data.choices[0]?.delta.content ?? "";
    }
    expect(text).toBe("AB");
    await drift.settled();
    expect(reports).toEqual([]);
  });

  it("a stream cut short fails the call as it would without the check, and the check settles", async () => {
    const server = await serve(async (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      await writeChunks(res, [chunk("A"), 'data: {"id":"c","obj']);
      res.socket?.destroy();
    });
    const reports: DriftReport[] = [];
    const drift = createDriftCheck({ report: (r) => reports.push(r) });
    const client = faultClient(server.url, { middleware: [drift] });
    const stream = await client.stream("/serverless/v1/chat/completions#stream", { body: chatBody });
    const read = (async () => {
      for await (const _ of stream);
    })();
    await expect(read).rejects.toBeInstanceOf(StreamInterruptedError);
    await drift.settled();
    expect(reports).toEqual([]);
  });

  it("a reader that stops early still cancels the request", async () => {
    let closed!: () => void;
    const requestClosed = new Promise<void>((resolve) => (closed = resolve));
    const server = await serve(async (req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      req.socket.once("close", closed);
      res.write(chunk("A"));
      // Never ends: only the client's abort closes the connection.
    });
    const drift = createDriftCheck();
    const client = faultClient(server.url, { middleware: [drift] });
    for await (const _ of await client.stream("/serverless/v1/chat/completions#stream", { body: chatBody })) break;
    await requestClosed;
    await drift.settled();
    expect(server.requests).toHaveLength(1);
  });
});
