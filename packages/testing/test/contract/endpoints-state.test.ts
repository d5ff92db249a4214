import { APIError, NotFoundError } from "@friendli-ts/client";
import {
  createFriendliEndpoints,
  EndpointFailedError,
  EndpointNotFoundError,
  type WaitProgress,
} from "@friendli-ts/endpoints";
import { describe, expect, it } from "vitest";
import { specCheckedMock } from "../support/spec-checked-mock.ts";

// The endpoints package against the mock's state: what create makes is listed, read back,
// updated, acted on and deleted, and its status moves as the schedule says. Every answer the
// package reads is checked against the spec on the way.
// A small cap, so that a flood reaches it in a few requests.
const state = specCheckedMock({ stateLimits: { objects: 40 } });
const client = () => createFriendliEndpoints(state.clientOptions());
const body = (name = "llama-8b", projectId = "project-1") => ({
  projectId,
  name,
  instanceOptionId: "zfTutSiLn0Hq", // 2x H100, as the spec's list says
  hfModelRepo: "meta-llama/Llama-3.1-8B-Instruct",
  advanced: { tokenizer_add_special_tokens: true, tokenizer_skip_special_tokens: false, max_batch_size: 64 },
});
const fast = { intervalMs: 1, maxIntervalMs: 1 };

describe("endpoints the mock holds", () => {
  it("createAndWait runs to RUNNING on the default schedule, each status read one step on", async () => {
    const seen: string[] = [];
    const onProgress = (p: WaitProgress) => seen.push(`${p.status} ${p.phase ?? "-"}`);
    const { endpointId, status } = await client().createAndWait(body(), { ...fast, onProgress });
    expect(status.status).toBe("RUNNING");
    expect(seen).toEqual(["INITIALIZING DOWNLOADING_MODEL", "INITIALIZING ENGINE_INITIALIZING", "RUNNING -"]);
    expect(state.mock.endpoints.ids()).toEqual([endpointId]);
    expect(state.checked.checked).toBeGreaterThanOrEqual(3);
  });

  it("lists and reads back what create made: the request's fields, the rest from the spec's example", async () => {
    const endpoints = client();
    const { endpointId } = await endpoints.createAndWait(body("first"), fast);
    await endpoints.createAndWait(body("second", "project-2"), fast);
    const spec = await endpoints.get(endpointId);
    expect(spec).toMatchObject({
      name: "first",
      projectId: "project-1",
      gpuType: "NVIDIA H100",
      numGpu: 2,
      maxBatchSize: 64,
      tokenizerAddSpecialTokens: true,
      tokenizerSkipSpecialTokens: false,
    });
    const all = await endpoints.listAll({ limit: 1 }).toArray();
    expect(all.map((e) => [e.endpointId, e.status])).toEqual(state.mock.endpoints.ids().map((id) => [id, "RUNNING"]));
    const inProject = await endpoints.list({ project_id: "project-2" });
    expect(Object.keys(inProject.data)).toEqual([state.mock.endpoints.ids()[1]]);
  });

  it("reaching FAILED on a scripted schedule is the package's EndpointFailedError, with the error code", async () => {
    state.mock.endpoints.schedule([
      { status: "INITIALIZING", phase: "DOWNLOADING_MODEL", reads: 2 },
      { status: "FAILED", errorCode: "WORKLOAD_INIT_DOWNLOAD_ERROR" },
    ]);
    const error = await client()
      .createAndWait(body(), fast)
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EndpointFailedError);
    expect(error).toMatchObject({ status: "FAILED", errorCode: "WORKLOAD_INIT_DOWNLOAD_ERROR" });
  });

  it("advance moves an endpoint the test holds in INITIALIZING to RUNNING, while a wait polls", async () => {
    state.mock.endpoints.schedule([{ status: "INITIALIZING", phase: "ENGINE_INITIALIZING" }]);
    const endpoints = client();
    const created = await endpoints.create(body());
    const [endpointId] = state.mock.endpoints.ids() as [string];
    expect(created.status).toBe("INITIALIZING");
    const waiting = endpoints.waitFor(endpointId, "RUNNING", fast);
    // Once the mock has answered a poll with INITIALIZING, the test moves it on.
    while (!state.mock.calls.some((c) => c.path.endsWith(`${endpointId}/status`)))
      await new Promise((r) => setImmediate(r));
    state.mock.endpoints.advance(endpointId, "RUNNING");
    expect((await waiting).status).toBe("RUNNING");
  });

  it("createFromWandbArtifactAndWait follows the endpoint its answer names; the accelerator is read back", async () => {
    const endpoints = client();
    const { endpointId, status } = await endpoints.createFromWandbArtifactAndWait(
      {
        wandbArtifactVersionName: "org/registry/model:v1",
        projectId: "project-1",
        accelerator: { type: "NVIDIA B200", count: 4 },
      },
      fast,
    );
    expect([endpointId, status.status]).toEqual([state.mock.endpoints.ids()[0], "RUNNING"]);
    expect(await endpoints.get(endpointId)).toMatchObject({
      gpuType: "NVIDIA B200",
      numGpu: 4,
      projectId: "project-1",
    });
  });

  it("update changes what is read back and adds a version", async () => {
    const endpoints = client();
    const { endpointId } = await endpoints.createAndWait(body(), fast);
    const updated = await endpoints.update(endpointId, { name: "renamed", simplescale: { replicas: 3 } });
    expect(updated).toMatchObject({ name: "renamed", autoscalingMin: 3, autoscalingMax: 3 });
    expect((await endpoints.get(endpointId)).name).toBe("renamed");
    const versions = await endpoints.listAllVersions(endpointId).toArray();
    expect(versions.map((v) => [v.version, v.name])).toEqual([
      ["0", "llama-8b"],
      ["1", "renamed"],
    ]);
  });

  it("sleep, wake and terminate move the status as their answers say", async () => {
    const endpoints = client();
    const { endpointId } = await endpoints.createAndWait(body(), fast);
    expect((await endpoints.sleep(endpointId)).status).toBe("SLEEPING");
    expect((await endpoints.status(endpointId)).status).toBe("SLEEPING");
    expect((await endpoints.wakeAndWait(endpointId, fast)).status).toBe("RUNNING");
    expect((await endpoints.terminate(endpointId)).status).toBe("TERMINATING");
    expect((await endpoints.status(endpointId)).status).toBe("TERMINATED");
  });

  it("delete removes: reading it then is a 404 naming the endpoint", async () => {
    const endpoints = client();
    const { endpointId } = await endpoints.createAndWait(body(), fast);
    await endpoints.delete(endpointId);
    const error = await endpoints.get(endpointId).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EndpointNotFoundError);
    expect((error as NotFoundError).status).toBe(404);
    expect((error as Error).message).toContain(`endpoint "${endpointId}" does not exist in the mock`);
    expect(await endpoints.list()).toEqual({ data: {}, nextCursor: null });
  });

  it("reset() forgets every endpoint and the schedule", async () => {
    const endpoints = client();
    state.mock.endpoints.schedule([{ status: "FAILED" }]);
    await endpoints.create(body());
    const [endpointId] = state.mock.endpoints.ids() as [string];
    state.mock.reset();
    expect(state.mock.endpoints.ids()).toEqual([]);
    await expect(endpoints.status(endpointId)).rejects.toBeInstanceOf(NotFoundError);
    expect((await endpoints.createAndWait(body(), fast)).status.status).toBe("RUNNING");
  });

  it("an id the client never created is a 404 in the spec's error shape", async () => {
    const endpoints = client();
    for (const id of ["never-made", "mock-endpoint-999", "a b ✓"]) {
      const error = await endpoints.status(id).catch((e: unknown) => e);
      expect(error, id).toBeInstanceOf(EndpointNotFoundError);
      expect((error as APIError).body).toMatchObject({ detail: [{ loc: ["path", "endpoint_id"], type: "not_found" }] });
    }
  });

  it("a flood of creates stops at the cap with a 507 that says why; what was made is still served", async () => {
    const endpoints = client();
    const outcomes = [];
    for (let i = 0; i < 25; i++) outcomes.push(await endpoints.create(body(`e-${i}`)).catch((e: unknown) => e));
    const refused = outcomes.filter((o) => o instanceof APIError);
    // Each endpoint counts two (itself and its first version): 20 fit in 40.
    expect([outcomes.length - refused.length, refused.length]).toEqual([20, 5]);
    expect(refused.map((e) => (e as APIError).status)).toEqual([507, 507, 507, 507, 507]);
    expect((refused[0] as Error).message).toContain("the mock keeps at most 40 objects");
    expect((refused[0] as Error).message).toContain("call reset() between tests or raise stateLimits.objects");
    expect((await endpoints.list({ limit: 100 })).data).toHaveProperty(state.mock.endpoints.ids()[19] as string);
  });
});
