import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createFriendliDatasets } from "@friendli-ts/datasets";
import { createFriendliEndpoints } from "@friendli-ts/endpoints";
import { type MockServer, startMockServer } from "@friendli-ts/test-kit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { assertBuilt, runCliAt, TOKEN } from "../support/run-cli.ts";

// `endpoints wait` and `datasets upload` end to end against a mock that keeps what was
// created (its state), as a user runs them against `friendli mock`.
let mock: MockServer;
let dir: string;
beforeAll(async () => {
  assertBuilt();
  [mock, dir] = await Promise.all([startMockServer({ state: true }), mkdtemp(join(tmpdir(), "friendli-cli-state-"))]);
});
afterAll(async () => {
  await mock?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});
beforeEach(() => mock.reset());

const cli = (args: string[]) => runCliAt(mock.url, [...args]);
const createEndpoint = async () => {
  await createFriendliEndpoints({ baseURL: mock.url, token: TOKEN }).create({
    projectId: "p",
    name: "e",
    instanceOptionId: "TwD5AqnBSVN0",
    hfModelRepo: "m/m",
    advanced: { tokenizer_add_special_tokens: true, tokenizer_skip_special_tokens: true },
  });
  return mock.endpoints.ids()[0] as string;
};

describe("the CLI against the mock's state", () => {
  it("endpoints wait follows a created endpoint to RUNNING", async () => {
    const id = await createEndpoint();
    const { code, stdout, stderr } = await cli(["endpoints", "wait", id, "--interval", "0.01"]);
    expect({ code, stderr }).toEqual({ code: 0, stderr: expect.stringContaining("ENGINE_INITIALIZING") });
    expect(stdout).toBe("RUNNING\n");
  });

  it("endpoints wait exits 1 when the endpoint fails, naming the error code", async () => {
    mock.endpoints.schedule([
      { status: "INITIALIZING" },
      { status: "FAILED", errorCode: "WORKLOAD_INIT_DOWNLOAD_ERROR" },
    ]);
    const id = await createEndpoint();
    const { code, stdout, stderr } = await cli(["endpoints", "wait", id, "--interval", "0.01"]);
    expect([code, stdout]).toEqual([1, ""]);
    expect(stderr).toContain(`endpoint "${id}" is FAILED (WORKLOAD_INIT_DOWNLOAD_ERROR) instead of RUNNING`);
  });

  it("datasets create, then upload: the ids printed are the samples the split holds", async () => {
    const created = await cli(["datasets", "create", "--name", "demo", "--project", "p"]);
    expect(created.code, created.stderr).toBe(0);
    const datasetId = created.stdout.trim();
    const file = join(dir, "samples.jsonl");
    const lines = ["hi", "bye"].map((text) =>
      JSON.stringify({
        messages: [
          { role: "user", content: text },
          { role: "assistant", content: text.toUpperCase() },
        ],
      }),
    );
    await writeFile(file, `${lines.join("\n")}\n`);
    const uploaded = await cli(["datasets", "upload", file, "--dataset", datasetId, "--project", "p"]);
    expect(uploaded.code, uploaded.stderr).toBe(0);
    const ids = uploaded.stdout.trim().split("\n");
    const datasets = createFriendliDatasets({ baseURL: mock.url, token: TOKEN });
    const [split] = (await datasets.splits.list(datasetId)).data;
    expect(split?.name).toBe("train");
    const held = await datasets.samples.listAll(datasetId, String(split?.id)).toArray();
    expect(held).toEqual(ids.map((id, i) => [id, lines[i]]));
  });
});
