import type { CallOptions, components, PagedItems, SuccessData } from "@friendli-ts/client";
import { describe, expectTypeOf, it } from "vitest";
import {
  type CostBucket,
  createFriendliEndpoints,
  type EndpointFailedError,
  type EndpointStatus,
  type EndpointTypes,
  type UsageBucket,
  type WaitOptions,
  type WaitProgress,
} from "../../src/index.ts";

type EndpointVersion = EndpointTypes.EndpointVersion;
type ListedEndpoint = EndpointTypes.ListedEndpoint;
type ListEndpointsQuery = EndpointTypes.ListEndpointsQuery;

type Schemas = components["schemas"];
const endpoints = createFriendliEndpoints({ token: "t", teamId: "team" });

describe("types follow the generated spec", () => {
  it("results are the spec's response bodies", () => {
    expectTypeOf(endpoints.status).returns.resolves.toEqualTypeOf<Schemas["DedicatedEndpointStatus"]>();
    expectTypeOf(endpoints.status).returns.resolves.toEqualTypeOf<
      SuccessData<"/dedicated/beta/endpoint/{endpoint_id}/status", "get">
    >();
    expectTypeOf(endpoints.get).returns.resolves.toEqualTypeOf<Schemas["DedicatedEndpointSpec"]>();
    expectTypeOf(endpoints.wake).returns.resolves.toEqualTypeOf<Schemas["DedicatedEndpointStatus"]>();
    expectTypeOf(endpoints.createFromWandbArtifact).returns.resolves.toEqualTypeOf<
      Schemas["DedicatedEndpointWandbArtifactCreateResponse"]
    >();
    expectTypeOf(endpoints.cost.get).returns.resolves.toEqualTypeOf<Schemas["CostResponse"]>();
    expectTypeOf(endpoints.usage.get).returns.resolves.toEqualTypeOf<Schemas["UsageResponse"]>();
    expectTypeOf(endpoints.delete).returns.resolves.toEqualTypeOf<void>();
  });

  it("bodies are the spec's request bodies", () => {
    expectTypeOf(endpoints.create).parameter(0).toEqualTypeOf<Schemas["DedicatedEndpointCreateBody"]>();
    expectTypeOf(endpoints.update).parameter(1).toEqualTypeOf<Schemas["DedicatedEndpointUpdateBody"]>();
    // @ts-expect-error: advanced and hfModelRepo are required by the spec
    void endpoints.create({ projectId: "p", name: "n", instanceOptionId: "i" });
  });

  it("lists yield items with their ids; cursors are strings", () => {
    expectTypeOf<ListedEndpoint>().toHaveProperty("endpointId").toEqualTypeOf<string>();
    expectTypeOf<ListedEndpoint["status"]>().toEqualTypeOf<Schemas["InferenceDeploymentStatus"]>();
    expectTypeOf(endpoints.listAll()).toEqualTypeOf<PagedItems<ListedEndpoint>>();
    expectTypeOf(endpoints.listAll().toArray(10)).resolves.toEqualTypeOf<ListedEndpoint[]>();
    expectTypeOf(endpoints.listAllVersions("ep")).toEqualTypeOf<PagedItems<EndpointVersion>>();
    expectTypeOf(endpoints.list).returns.resolves.toHaveProperty("nextCursor").toEqualTypeOf<string | null>();
    expectTypeOf<ListEndpointsQuery["cursor"]>().toEqualTypeOf<string | null | undefined>();
    void endpoints.list({ cursor: "c", limit: 10, project_id: "p" });
    expectTypeOf(endpoints.cost.listAll).returns.toEqualTypeOf<PagedItems<CostBucket>>();
    expectTypeOf(endpoints.usage.listAll).returns.toEqualTypeOf<PagedItems<UsageBucket>>();
    // @ts-expect-error: caps are toArray(n) or a break now, not options
    void endpoints.listAll({}, { maxItems: 10 });
    expectTypeOf<CostBucket>().toEqualTypeOf<Schemas["CostBucket"]>();
    expectTypeOf<UsageBucket>().toEqualTypeOf<Schemas["UsageBucket"]>();
  });

  it("times take Dates or strings; enums stay the spec's", () => {
    void endpoints.cost.get({ start_time: new Date(), end_time: "2026-02-01", bucket_width: "1d" });
    void endpoints.usage.get({ start_time: "2026-01-01", end_time: new Date(), group_by: ["model", "user_id"] });
    // @ts-expect-error: cost has only daily buckets
    void endpoints.cost.get({ start_time: "2026-01-01", end_time: "2026-01-02", bucket_width: "1h" });
    // @ts-expect-error: a time range needs both ends
    void endpoints.usage.get({ start_time: "2026-01-01" });
  });

  it("waitFor takes the spec's statuses and reports typed progress", () => {
    void endpoints.waitFor("ep", "RUNNING");
    void endpoints.waitFor("ep", ["RUNNING", "SLEEPING"], { timeoutMs: 1, signal: AbortSignal.abort() });
    // @ts-expect-error: not a status in the spec
    void endpoints.waitFor("ep", "RUNING");
    expectTypeOf(endpoints.waitFor).returns.resolves.toEqualTypeOf<EndpointStatus>();
    expectTypeOf<WaitProgress["phase"]>().toEqualTypeOf<Schemas["DedicatedEndpointStatus"]["phase"]>();
    expectTypeOf<EndpointFailedError["errorCode"]>().toEqualTypeOf<Schemas["InferenceDeploymentErrorCode"] | null>();
    expectTypeOf<WaitOptions>().toExtend<CallOptions>();
    void endpoints.wakeAndWait("ep", { timeout: 5_000, maxRetries: 1, headers: { "x-trace": "t" }, teamId: "t" });
    expectTypeOf(endpoints.createAndWait).returns.resolves.toEqualTypeOf<{
      endpointId: string;
      status: EndpointStatus;
    }>();
  });
});
