import { ValidationError } from "@friendli-ts/client";
import { imageText, visionSamples } from "@friendli-ts/test-kit";
import { type LocalStack, startLocalStack } from "@friendli-ts/test-kit/start-local-stack";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { createFriendliDatasets, type Sample } from "../../src/index.ts";

// The README's flow, with every API request checked by the mock server against the spec.
let stack: LocalStack;
beforeAll(async () => {
  stack = await startLocalStack(inject("mockServerUrl"));
});
afterAll(async () => {
  await stack?.stop();
});

const samples: Sample[] = visionSamples;

describe("open and uploadSamples through the mock server", () => {
  it("sends only requests the spec accepts, and stores the image locally", async () => {
    const friendli = createFriendliDatasets(stack.options);
    const dataset = await friendli.datasets.open({ projectId: "p", name: "vision", modality: ["TEXT", "IMAGE"] });
    const jsonl = new Blob([samples.map((s) => JSON.stringify(s)).join("\n")]);
    const ids = await dataset.uploadSamples(jsonl);
    expect(ids).toEqual(["sample-0", "sample-1"]);
    const stored = await stack.storage.read(`files/sha256-${await sha256(new TextEncoder().encode(imageText))}`);
    expect(new TextDecoder().decode(stored!)).toBe(imageText);
  });

  it("opens a dataset by id with the answer's modality", async () => {
    const friendli = createFriendliDatasets(stack.options);
    const dataset = await friendli.datasets.openById("ds-1", { projectId: "p", modality: ["TEXT"] });
    expect(dataset.id).toBe("123");
    // The answer's modality wins over the one given, which is only a fallback.
    expect(dataset.modality.input_modals).toEqual(["TEXT", "IMAGE"]);
    // Listing splits stops although the mock server repeats its cursor; "train" is then created.
    expect((await dataset.split("train")).id).toBe("string");
  });

  it("would fail loudly if a wrapper sent what the spec forbids", async () => {
    const friendli = createFriendliDatasets(stack.options);
    const error = await friendli.versions.create("ds", {} as never).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ValidationError);
    expect(String(error)).toMatch(/comment/);
  });
});

async function sha256(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest("SHA-256", bytes));
  return [...digest].map((b) => b.toString(16).padStart(2, "0")).join("");
}
