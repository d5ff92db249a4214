import { describe, expect, it } from "vitest";
import { ENDPOINT_STATUSES, isEndpointStatus, readTargetStatuses } from "../../src/endpoint-statuses.ts";

describe("endpoint statuses", () => {
  it("knows the spec's statuses and rejects others", () => {
    expect(ENDPOINT_STATUSES).toContain("RUNNING");
    expect(isEndpointStatus("SLEEPING")).toBe(true);
    expect(isEndpointStatus("running")).toBe(false);
    expect(readTargetStatuses("RUNNING")).toEqual(["RUNNING"]);
    expect(() => readTargetStatuses(["RUNNING", "DONE" as "RUNNING"])).toThrow(/"DONE"/);
  });
});
