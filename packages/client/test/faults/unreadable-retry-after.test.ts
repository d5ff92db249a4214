import { serveFaults } from "@friendli-ts/test-kit";
import { describe, expect, it } from "vitest";
import { faultClient, json } from "../support/fault-client.ts";

const serve = serveFaults();
const models = { object: "list", data: [] };

describe("a Retry-After that does not parse", () => {
  it("falls back to the normal backoff rather than an immediate retry", async () => {
    // Two joined headers, then a trailing dot: each once read as a date in 2001, so "now".
    const asked = ["2, 2", "2."];
    const server = await serve((_req, res, { attempt }) => {
      const value = asked[attempt - 1];
      if (value) return void res.writeHead(503, { "retry-after": value }).end();
      res.writeHead(200, { "content-type": "application/json" }).end(json(models));
    });
    const initialDelayMs = 200;
    await faultClient(server.url, { initialDelayMs, maxDelayMs: 5_000, maxRetries: 2 }).GET("/serverless/v1/models");
    expect(server.requests).toHaveLength(3);
    const at = server.requests.map((r) => r.receivedAt);
    // The backoff takes at most a quarter off (jitter): 150 ms, then 300 ms, at the least.
    // A timer may fire a millisecond short of Date.now(), hence the small allowance.
    expect(at[1]! - at[0]!).toBeGreaterThanOrEqual(initialDelayMs * 0.75 - 5);
    expect(at[2]! - at[1]!).toBeGreaterThanOrEqual(initialDelayMs * 2 * 0.75 - 5);
  });
});
