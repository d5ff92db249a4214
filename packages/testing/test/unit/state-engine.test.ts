import { describe, expect, it } from "vitest";
import { MockReplyError } from "../../src/mock/check-reply.ts";
import { corsHeaders } from "../../src/mock/cors-headers.ts";
import { createManagementState } from "../../src/mock/state/management-state.ts";
import { readStateLimits } from "../../src/mock/state/state-limits.ts";
import type { StateAnswer } from "../../src/mock/state/state-request.ts";
import { answerProblems, spec } from "../support/spec-checked-fetch.ts";

// The state engine alone, as (request, state) -> answer with no server: the hostile ring for
// what it keeps. Each answer is also checked against the spec here, as the HTTP tests do.
const encoder = new TextEncoder();

function engine(limits?: Parameters<typeof createManagementState>[1]) {
  const state = createManagementState(spec, limits);
  async function call(method: string, path: string, init: { body?: unknown; search?: string } = {}) {
    const op = spec.match(method, path, false);
    if (!op) throw new Error(`no operation for ${method} ${path}`);
    const body = init.body === undefined ? new Uint8Array() : encoder.encode(JSON.stringify(init.body));
    const answer = (await state.answer(op, {
      path,
      search: init.search ?? "",
      headers: { "content-type": "application/json" },
      body,
    })) as StateAnswer;
    expect(answer, `${method} ${path}`).toBeDefined();
    expect(answerProblems(method, path, answer.status, answer.json)).toEqual([]);
    return answer;
  }
  return { state, call };
}

const createBody = {
  projectId: "p",
  name: "e",
  instanceOptionId: "TwD5AqnBSVN0",
  hfModelRepo: "m/m",
  advanced: { tokenizer_add_special_tokens: true, tokenizer_skip_special_tokens: true },
};

describe("the state's limits", () => {
  it("a flood of creates stops at the cap with a 507 that says which limit and what to do; nothing past it is kept", async () => {
    const { state, call } = engine({ objects: 10 });
    const statuses: number[] = [];
    let refusal: StateAnswer | undefined;
    for (let i = 0; i < 50; i++) {
      const answer = await call("POST", "/dedicated/beta/endpoint", { body: createBody });
      statuses.push(answer.status);
      if (answer.status !== 200) refusal ??= answer;
    }
    // An endpoint and its first version count two.
    expect(statuses.filter((s) => s === 200)).toHaveLength(5);
    expect(new Set(statuses.slice(5))).toEqual(new Set([507]));
    expect(state.endpoints.ids()).toHaveLength(5);
    expect(state.held().objects).toBe(10);
    expect((refusal?.json as { error: { message: string } } | undefined)?.error.message).toBe(
      "the mock keeps at most 10 objects (endpoints, datasets, versions, splits and samples; 10 held, this call adds 1): call reset() between tests or raise stateLimits.objects in startMockServer",
    );
    // Datasets share the cap.
    expect((await call("POST", "/beta/dataset", { body: { name: "d", projectId: "p", modality: {} } })).status).toBe(
      507,
    );
    // A delete gives its room back; reset() all of it.
    await call("DELETE", `/dedicated/beta/endpoint/${state.endpoints.ids()[0]}`);
    expect(state.held().objects).toBe(8);
    expect((await call("POST", "/dedicated/beta/endpoint", { body: createBody })).status).toBe(200);
    state.reset();
    expect(state.held()).toMatchObject({ objects: 0, bytes: 0 });
  });

  it("samples past the byte cap are refused as a whole batch", async () => {
    const { state, call } = engine({ bytes: 100 });
    const dataset = (await call("POST", "/beta/dataset", { body: { name: "d", projectId: "p", modality: {} } }))
      .json as {
      id: string;
    };
    const split = (await call("POST", `/beta/dataset/${dataset.id}/split`, { search: "?name=train" })).json as {
      id: string;
    };
    const samples = `/beta/dataset/${dataset.id}/split/${split.id}/sample`;
    expect((await call("POST", samples, { body: ["x".repeat(60)] })).status).toBe(200);
    const refused = await call("POST", samples, { body: ["y".repeat(20), "z".repeat(30)] });
    expect(refused.status).toBe(507);
    expect(JSON.stringify(refused.json)).toContain("at most 100 bytes");
    expect(((await call("GET", samples)).json as { data: unknown[] }).data).toHaveLength(1);
    expect(state.held().bytes).toBe(60);
    // Deleting the split frees its samples' bytes.
    await call("DELETE", `/beta/dataset/${dataset.id}/split/${split.id}`);
    expect(state.held().bytes).toBe(0);
  });

  it("limits must be whole numbers; the defaults are 100 000 objects and 64 MiB", () => {
    expect(readStateLimits()).toEqual({ objects: 100_000, bytes: 64 * 1024 * 1024 });
    expect(() => readStateLimits({ objects: -1 })).toThrow(/stateLimits.objects must be a whole number/);
    expect(() => readStateLimits({ bytes: 1.5 })).toThrow(RangeError);
  });
});

describe("ids the client did not create", () => {
  // Every operation on one resource, with ids no create handed out: odd ones included.
  const ids = ["never-made", "..", "a b", "%E2%9C%93", "x".repeat(2000), "mock-endpoint-1", "0"];
  const onOne = [...spec.byId.values()].filter(
    (op) =>
      /\{(endpoint_id|dataset_id)\}/.test(op.path) &&
      (op.path.startsWith("/dedicated/beta/") || op.path.startsWith("/beta/dataset")),
  );

  it("get a 404 in the spec's error shape, naming the path parameter", async () => {
    expect(onOne.length).toBeGreaterThanOrEqual(20);
    const { call } = engine();
    for (const op of onOne) {
      for (const id of ids) {
        const path = op.path.replace(/\{[^}]+\}/g, id);
        const body =
          op.method === "POST" && op.operationId !== "create_version" && op.operationId !== "create_split"
            ? []
            : undefined;
        const answer = await call(op.method, path, { body, search: "?comment=c&name=n" });
        expect(answer.status, `${op.operationId} ${id}`).toBe(404);
        const detail = (answer.json as { detail: { loc: string[] }[] }).detail[0];
        expect(detail?.loc[0]).toBe("path");
        expect(detail?.loc[1]).toMatch(/_id$/);
      }
    }
  });

  it("a split is found only under its own dataset", async () => {
    const { call } = engine();
    const made = async (name: string) =>
      ((await call("POST", "/beta/dataset", { body: { name, projectId: "p", modality: {} } })).json as { id: string })
        .id;
    const [a, b] = [await made("a"), await made("b")];
    const split = ((await call("POST", `/beta/dataset/${a}/split`, { search: "?name=train" })).json as { id: string })
      .id;
    expect((await call("GET", `/beta/dataset/${a}/split/${split}`)).status).toBe(200);
    const other = await call("GET", `/beta/dataset/${b}/split/${split}/sample`);
    expect([other.status, (other.json as { detail: { loc: string[] }[] }).detail[0]?.loc]).toEqual([
      404,
      ["path", "split_id"],
    ]);
  });

  it("a cursor the mock did not hand out is a 422 naming the cursor", async () => {
    const { call } = engine();
    for (const cursor of ["abc", "-1", "1e3", "01"]) {
      const answer = await call("GET", "/dedicated/beta/endpoint", { search: `?cursor=${cursor}` });
      expect([answer.status, (answer.json as { detail: { loc: string[] }[] }).detail[0]?.loc]).toEqual([
        422,
        ["query", "cursor"],
      ]);
    }
  });
});

describe("scripting endpoints", () => {
  it("a step no server could answer with is refused when given, naming the rule", () => {
    const { state } = engine();
    expect(() => state.endpoints.schedule([{ status: "BOOTING" as never }])).toThrow(MockReplyError);
    expect(() => state.endpoints.schedule([{ status: "FAILED", errorCode: "OOPS" as never }])).toThrow(
      /\/errorCode must be equal to one of the allowed values/,
    );
    expect(() => state.endpoints.schedule([{ status: "RUNNING", reads: 0 }])).toThrow(/`reads` must be a whole number/);
    expect(() => state.endpoints.schedule([])).toThrow(/at least one step/);
    expect(() => state.endpoints.advance("never-made", "RUNNING")).toThrow(/holds no endpoint "never-made"/);
  });

  it("each step holds for its reads (the create answer counts one), and the last step holds", async () => {
    const { state, call } = engine();
    state.endpoints.schedule([
      { status: "INITIALIZING", reads: 2 },
      { status: "FAILED", errorCode: "INFERENCE_ENGINE_MEMORY_ERROR" },
    ]);
    const created = await call("POST", "/dedicated/beta/endpoint", { body: createBody });
    const location = created.headers?.location as string;
    expect(location).toBe(`/dedicated/beta/endpoint/${state.endpoints.ids()[0]}`);
    const seen = [(created.json as { status: string }).status];
    for (let i = 0; i < 3; i++)
      seen.push(((await call("GET", `${location}/status`)).json as { status: string }).status);
    expect(seen).toEqual(["INITIALIZING", "INITIALIZING", "FAILED", "FAILED"]);
  });

  it("a W&B create with an idempotency key seen in the project rolls that endpoint out again", async () => {
    const { state, call } = engine();
    const body = { wandbArtifactVersionName: "org/r/m:v1", projectId: "p", idempotencyKey: "hook-1" };
    const first = (await call("POST", "/dedicated/endpoint/wandb-artifact-create", { body })).json as {
      endpointId: string;
    };
    await call("GET", `/dedicated/beta/endpoint/${first.endpointId}/status`);
    const again = (await call("POST", "/dedicated/endpoint/wandb-artifact-create", { body: { ...body, name: "v2" } }))
      .json as { endpointId: string; endpointName: string };
    expect([again.endpointId, again.endpointName]).toEqual([first.endpointId, "v2"]);
    const status = (await call("GET", `/dedicated/beta/endpoint/${first.endpointId}/status`)).json as {
      status: string;
    };
    expect(status.status).toBe("INITIALIZING");
    const history = (await call("GET", `/dedicated/beta/endpoint/${first.endpointId}/version`)).json as {
      data: object;
    };
    expect(Object.keys(history.data)).toEqual(["0", "1"]);
    // Another project, or no key: a new endpoint.
    await call("POST", "/dedicated/endpoint/wandb-artifact-create", { body: { ...body, projectId: "q" } });
    await call("POST", "/dedicated/endpoint/wandb-artifact-create", {
      body: { wandbArtifactVersionName: "org/r/m:v1" },
    });
    expect(state.endpoints.ids()).toHaveLength(3);
  });

  it("a page the mock lets in (cors) can read the Location header that names a created endpoint", () => {
    const exposed = corsHeaders({ origin: "http://localhost:5173" }, { origin: "http://localhost:5173" })[
      "access-control-expose-headers"
    ];
    expect(exposed?.split(/,\s*/)).toContain("location");
  });
});
