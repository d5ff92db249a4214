import type { FriendliInference } from "@friendli-ts/inference";
import { describe, expect, it } from "vitest";
import { type DeploymentCalls, deploymentCalls } from "../../src/deployment-calls.ts";
import { modelKindMethods } from "../../src/model-kind-methods.ts";

/** Which model kind makes each of the deployment calls. */
const kindOfCall: Record<keyof DeploymentCalls, keyof typeof modelKindMethods> = {
  chat: "languageModel",
  chatStream: "languageModel",
  toolAssistedChatStream: "languageModel",
  completion: "completionModel",
  completionStream: "completionModel",
  embeddings: "embeddingModel",
  images: "imageModel",
  imageEdits: "imageModel",
  transcription: "transcriptionModel",
};

/** An inference object that records the path of every method called on it. */
function recordingInference(called: string[]): FriendliInference {
  const at = (path: string[]): unknown =>
    new Proxy(() => {}, {
      get: (_, key) => at([...path, String(key)]),
      apply: () => {
        called.push(path.join("."));
        return Promise.resolve({});
      },
    });
  return at([]) as FriendliInference;
}

describe("modelKindMethods", () => {
  it("lists, for each model kind, exactly the inference methods its deployment calls make", async () => {
    const found: Record<string, Set<string>> = {};
    for (const deployment of ["serverless", "dedicated", "container"] as const) {
      const calls = deploymentCalls(recordingInference([]), deployment);
      for (const [name, call] of Object.entries(calls) as [keyof DeploymentCalls, DeploymentCalls["chat"]][]) {
        const called: string[] = [];
        await deploymentCalls(recordingInference(called), deployment)[name]?.({}, {});
        expect(called, `${deployment} ${name}`).toHaveLength(1);
        expect(typeof call).toBe("function");
        const kind = kindOfCall[name];
        found[kind] = new Set([...(found[kind] ?? []), ...called]);
      }
    }
    const listed = Object.fromEntries(Object.entries(modelKindMethods).map(([kind, m]) => [kind, [...m].sort()]));
    expect(Object.fromEntries(Object.entries(found).map(([kind, m]) => [kind, [...m].sort()]))).toEqual(listed);
  });
});
