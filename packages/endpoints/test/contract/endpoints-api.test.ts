import { InvalidInputError, NotFoundError } from "@friendli-ts/client";
import { operations } from "@friendli-ts/client/internal";
import { operationIdsByTag } from "@friendli-ts/test-kit";
import { reachedOperations } from "@friendli-ts/test-kit/mock-client";
import { afterAll, describe, expect, it } from "vitest";
import {
  EndpointIdMissingError,
  EndpointNotFoundError,
  type EndpointStatusName,
  type WaitProgress,
} from "../../src/index.ts";
import { mockEndpoints } from "../support/mock-endpoints.ts";

// Every Dedicated.Endpoint, Cost and Usage operation, called through this package over
// HTTP to the Prism mock of the spec. The operations that answered 2xx are collected; the
// last check prints the coverage line and fails when one of the spec's operations is
// missing, so an operation added upstream fails here until it has a wrapper and a test.
const TAGS = new Set(["Dedicated.Endpoint", "Cost", "Usage"]);
const { endpoints, sent } = mockEndpoints();

const createBody = {
  projectId: "project-1",
  name: "my-endpoint",
  instanceOptionId: "TwD5AqnBSVN0",
  hfModelRepo: "meta-llama/Llama-3.1-8B-Instruct",
  advanced: { tokenizer_skip_special_tokens: true, tokenizer_add_special_tokens: false },
};

function lastSent(operationId: string) {
  const found = sent.filter((r) => r.operationId === operationId).at(-1);
  if (!found) throw new Error(`no request reached ${operationId}`);
  return { ...found, url: new URL(found.url) };
}

describe("endpoint lifecycle", () => {
  it("create sends a spec-valid body and returns the first status", async () => {
    const status = await endpoints.create(createBody);
    expect(status.status).toBe("INITIALIZING");
    expect(lastSent("dedicatedCreateEndpoint").method).toBe("POST");
  });

  it("createFromWandbArtifact returns the new endpoint's id", async () => {
    const created = await endpoints.createFromWandbArtifact({ wandbArtifactVersionName: "org/registry/model:v0" });
    expect(created.endpointId).toBe("endpoint-id");
  });

  it("get, update and delete address the endpoint by id", async () => {
    const spec = await endpoints.get("ep-1");
    expect(spec.name).toBe("endpoint-name");
    expect(lastSent("dedicatedGetEndpoint").url.pathname).toBe("/dedicated/beta/endpoint/ep-1");

    const updated = await endpoints.update("ep-1", { name: "renamed", newVersionComment: "rename" });
    expect(updated.gpuType).toBe("NVIDIA H100");
    expect(lastSent("dedicatedUpdateEndpoint").method).toBe("PUT");

    await expect(endpoints.delete("ep-1")).resolves.toBeUndefined();
    expect(lastSent("dedicatedDeleteEndpoint").method).toBe("DELETE");
  });

  it("status reads the deployment status and phase", async () => {
    const status = await endpoints.status("ep-1");
    expect(status).toMatchObject({ status: "INITIALIZING", phase: "DOWNLOADING_MODEL" });
  });

  it("sleep, wake, terminate and restart each answer with the new status", async () => {
    expect((await endpoints.sleep("ep-1")).status).toBe("SLEEPING");
    expect((await endpoints.wake("ep-1")).status).toBe("AWAKING");
    expect((await endpoints.terminate("ep-1")).status).toBe("TERMINATING");
    expect((await endpoints.restart("ep-1")).status).toBe("INITIALIZING");
    const paths = sent.slice(-4).map((r) => `${r.method} ${new URL(r.url).pathname}`);
    expect(paths).toEqual([
      "PUT /dedicated/beta/endpoint/ep-1/sleep",
      "PUT /dedicated/beta/endpoint/ep-1/wake",
      "PUT /dedicated/beta/endpoint/ep-1/terminate",
      "PUT /dedicated/beta/endpoint/ep-1/restart",
    ]);
  });
});

describe("lists and pagination parameters", () => {
  it("list sends project, cursor and limit, and reads the page keyed by id", async () => {
    const page = await endpoints.list({ project_id: "project-1", cursor: "c-1", limit: 2 });
    expect(Object.keys(page.data)).toEqual(["endpoint-id-1", "endpoint-id-2"]);
    expect(page.nextCursor).toBeNull();
    const query = lastSent("dedicatedListEndpoints").url.searchParams;
    expect([query.get("project_id"), query.get("cursor"), query.get("limit")]).toEqual(["project-1", "c-1", "2"]);
  });

  it("listAll yields every endpoint with its id and stops without a next cursor", async () => {
    const before = sent.length;
    const all = await endpoints.listAll({ limit: 50 }).toArray();
    expect(all.map((e) => [e.endpointId, e.status])).toEqual([
      ["endpoint-id-1", "INITIALIZING"],
      ["endpoint-id-2", "RUNNING"],
    ]);
    expect(sent.length - before).toBe(1);
    expect(lastSent("dedicatedListEndpoints").url.searchParams.get("cursor")).toBeNull();
  });

  it("listVersions sends cursor and limit; listAllVersions yields each version", async () => {
    const page = await endpoints.listVersions("ep-1", { cursor: "v-1", limit: 5 });
    expect(page.data["0"]?.name).toBe("endpoint-name");
    const query = lastSent("dedicatedGetEndpointVersionHistory").url.searchParams;
    expect([query.get("cursor"), query.get("limit")]).toEqual(["v-1", "5"]);

    const versions = await endpoints.listAllVersions("ep-1").toArray();
    expect(versions.map((v) => [v.version, v.name])).toEqual([["0", "endpoint-name"]]);
  });
});

describe("team cost and usage", () => {
  it("cost.get turns Dates into midnight-UTC RFC 3339 and sends the page parameters", async () => {
    const page = await endpoints.cost.get({
      start_time: new Date(Date.UTC(2026, 0, 1)),
      end_time: "2026-02-01",
      bucket_width: "1d",
      group_by: "line_item",
      limit: 31,
      page: "page-2",
    });
    expect(Array.isArray(page.data)).toBe(true);
    const query = lastSent("getCost").url.searchParams;
    expect(Object.fromEntries(query)).toEqual({
      start_time: "2026-01-01T00:00:00Z",
      end_time: "2026-02-01T00:00:00Z",
      bucket_width: "1d",
      group_by: "line_item",
      limit: "31",
      page: "page-2",
    });
  });

  it("cost.listAll reads one page when there is no next_page", async () => {
    const before = sent.length;
    // Prism answers with the spec's example, whose buckets do not follow the schema; the
    // point here is the request and the stop, not the bucket shape.
    const buckets = await endpoints.cost
      .listAll({ start_time: "2026-01-01", end_time: "2026-02-01", limit: 31 })
      .toArray();
    expect(buckets).toHaveLength(1);
    expect(sent.length - before).toBe(1);
  });

  it("usage.get sends filters, an hourly width and hour-aligned times", async () => {
    const page = await endpoints.usage.get({
      start_time: "2026-01-01T10:00:00Z",
      end_time: "2026-01-01T12:00:00+00:00",
      bucket_width: "1h",
      // Prism reads a one-element array as a plain string (and rejects it), so two each.
      group_by: ["model", "user_id"],
      product_types: ["model_apis", "dedicated_endpoints"],
      models: ["m-1", "ep-1"],
      limit: 24,
      page: "page-2",
    });
    expect(page.has_more).toBe(false);
    const query = lastSent("getUsage").url.searchParams;
    expect(query.getAll("group_by")).toEqual(["model", "user_id"]);
    expect([query.get("start_time"), query.get("end_time"), query.get("page")]).toEqual([
      "2026-01-01T10:00:00Z",
      "2026-01-01T12:00:00Z",
      "page-2",
    ]);
  });

  it("usage.listAll yields every bucket and respects has_more: false", async () => {
    const buckets = await endpoints.usage.listAll({ start_time: "2026-01-01", end_time: "2026-01-08" }).toArray();
    expect(buckets.map((b) => b.start_time)).toEqual(["2023-11-07T00:00:00Z", "2023-11-08T00:00:00Z"]);
    expect(buckets[1]?.results[0]?.gpu_usage).toEqual({ a100: 120000, h100: 80000 });
  });
});

describe("team header", () => {
  it("sends the client's team, and a call's own team instead when given", async () => {
    const { endpoints: teamEndpoints, sent: teamSent } = mockEndpoints({ teamId: "team-a" });
    await teamEndpoints.status("ep-1");
    await teamEndpoints.status("ep-1", { teamId: "team-b" });
    await teamEndpoints.cost.get({ start_time: "2026-01-01", end_time: "2026-01-02" }, { teamId: "team-c" });
    expect(teamSent.map((r) => r.headers.get("x-friendli-team"))).toEqual(["team-a", "team-b", "team-c"]);
  });
});

describe("composed helpers over HTTP", () => {
  it("wakeAndWait wakes, then polls status until the target, reporting each change", async () => {
    const progress: WaitProgress[] = [];
    // Prism's status example is fixed at INITIALIZING, so that is the target it can reach.
    const target: EndpointStatusName = "INITIALIZING";
    const status = await endpoints.wakeAndWait("ep-1", { target, intervalMs: 5, onProgress: (p) => progress.push(p) });
    expect(status.status).toBe("INITIALIZING");
    expect(progress.map((p) => [p.previousStatus, p.status])).toEqual([
      [null, "AWAKING"],
      ["AWAKING", "INITIALIZING"],
    ]);
  });

  it("createFromWandbArtifactAndWait follows the id the W&B answer names", async () => {
    const { endpointId, status } = await endpoints.createFromWandbArtifactAndWait(
      { wandbArtifactVersionName: "org/registry/model:v0" },
      { target: ["INITIALIZING", "RUNNING"], intervalMs: 5 },
    );
    expect(endpointId).toBe("endpoint-id");
    expect(status.status).toBe("INITIALIZING");
    expect(lastSent("dedicatedGetEndpointStatus").url.pathname).toBe("/dedicated/beta/endpoint/endpoint-id/status");
  });

  it("createAndWait says so when the create answer names no endpoint (as in the spec)", async () => {
    const error = await endpoints.createAndWait(createBody, { intervalMs: 5 }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EndpointIdMissingError);
    expect((error as EndpointIdMissingError).created.status).toBe("INITIALIZING");
  });
});

describe("errors", () => {
  it("a 404 for an endpoint id names the id and stays a NotFoundError", async () => {
    const { endpoints: missing } = mockEndpoints({ defaultHeaders: { Prefer: "code=404" } });
    for (const call of [() => missing.status("no-such-ep"), () => missing.sleep("no-such-ep")]) {
      const error = await call().catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EndpointNotFoundError);
      expect(error).toBeInstanceOf(NotFoundError);
      expect((error as EndpointNotFoundError).endpointId).toBe("no-such-ep");
      expect((error as Error).message).toContain('"no-such-ep"');
    }
    await expect(missing.waitFor("no-such-ep", "RUNNING", { intervalMs: 5 })).rejects.toThrow(/no-such-ep/);
  });

  it("bad input is rejected before any request", async () => {
    const before = sent.length;
    await expect(endpoints.status("")).rejects.toBeInstanceOf(InvalidInputError);
    await expect(endpoints.sleep("a/b")).rejects.toBeInstanceOf(InvalidInputError);
    await expect(
      endpoints.cost.get({ start_time: "2026-02-01T00:00:00Z", end_time: "2026-01-01T00:00:00Z" }),
    ).rejects.toThrow(/must be before end_time/);
    await expect(endpoints.usage.get({ start_time: new Date("nope"), end_time: "2026-01-02" })).rejects.toThrow(
      /invalid Date/,
    );
    await expect(endpoints.waitFor("ep-1", "RUNING" as EndpointStatusName)).rejects.toThrow(/unknown endpoint status/);
    await expect(endpoints.listAll().toArray(-1)).rejects.toBeInstanceOf(InvalidInputError);
    expect(sent.length).toBe(before);
  });
});

afterAll(async () => {
  const required = [...(await operationIdsByTag())]
    .filter(([tag]) => TAGS.has(tag))
    .flatMap(([, ids]) => ids)
    .filter((id) => !operations[id as keyof typeof operations].stream);
  const reached = reachedOperations(sent);
  const missing = required.filter((id) => !reached.has(id));
  console.log(`endpoints coverage: ${required.length - missing.length}/${required.length} operations`);
  expect(missing, `operations no test reached with a 2xx answer: ${missing.join(", ")}`).toEqual([]);
});
