import type { Logger } from "@friendli-ts/client";
import { findSecret, serveFaults } from "@friendli-ts/test-kit";
import { describe, expect, it } from "vitest";
import { createDriftCheck } from "../../src/drift/index.ts";
import { faultClient, json } from "../support/drift-client.ts";

// Random enough that its first six characters appear nowhere by chance.
const TOKEN = "Tk_8FqZ2LmX9pRw7VnK3sYd";
const serve = serveFaults();

function recordingLogger() {
  const lines: string[] = [];
  const keep = (message: string, ...rest: unknown[]) =>
    void lines.push([message, ...rest.map((r) => json(r))].join(" "));
  const logger: Logger = { debug: keep, info: keep, warn: keep, error: keep };
  return { lines, logger };
}

describe("what the drift check logs", () => {
  it("its report of an answer whose request id echoes the token carries no token", async () => {
    const server = await serve(
      (_req, res) => void res.writeHead(200, { "content-type": "application/json", "x-request-id": TOKEN }).end("{}"),
    );
    const { lines, logger } = recordingLogger();
    const drift = createDriftCheck();
    await faultClient(server.url, { token: TOKEN, middleware: [drift], logger, logLevel: "warn" }).GET(
      "/v1/team/cost",
      { params: { query: { start_time: "2026-01-01T00:00:00Z", end_time: "2026-01-02T00:00:00Z" } } },
    );
    await drift.settled();
    expect(lines.some((line) => line.includes("breaks the spec"))).toBe(true);
    expect(findSecret(lines.join("\n"), TOKEN)).toBeUndefined();
  });
});
