import { afterEach, describe, expect, it } from "vitest";
import { createFriendliDatasets } from "../../src/index.ts";
import { type FakeApi, startFakeApi } from "../support/start-fake-api.ts";

let api: FakeApi | undefined;
afterEach(async () => {
  await api?.stop();
  api = undefined;
});

/** A dataset stored by the API with no modality (older datasets have none). */
async function datasetWithoutModality(fake: FakeApi): Promise<string> {
  const response = await fetch(`${fake.url}/beta/dataset`, {
    method: "POST",
    headers: { authorization: "Bearer test-token", "content-type": "application/json" },
    body: JSON.stringify({ name: "old", projectId: "p" }),
  });
  return ((await response.json()) as { id: string }).id;
}

describe("datasets.openById when the answer has no modality", () => {
  it("needs one given, and checks samples against it", async () => {
    api = await startFakeApi({ storageUrl: "http://127.0.0.1:9" });
    const id = await datasetWithoutModality(api);
    const friendli = createFriendliDatasets({ baseURL: api.url, token: "test-token", maxRetries: 0 });

    await expect(friendli.datasets.openById(id, { projectId: "p" })).rejects.toThrow(/without a modality/);
    const dataset = await friendli.datasets.openById(id, { projectId: "p", modality: ["TEXT"] });
    expect(dataset.modality).toEqual({ input_modals: ["TEXT"], output_modals: ["TEXT"] });
  });
});
