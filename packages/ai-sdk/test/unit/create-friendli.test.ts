import { InvalidArgumentError, NoSuchModelError } from "@ai-sdk/provider";
import { describe, expect, it } from "vitest";
import { createFriendli } from "../../src/create-friendli.ts";

const prompt = [{ role: "user" as const, content: [{ type: "text" as const, text: "hi" }] }];

describe("createFriendli", () => {
  it("makes no client until a model is called: bad options surface at the call, as the AI SDK's error", async () => {
    const friendli = createFriendli({ baseURL: "ftp://example.com" });
    const model = friendli.dedicated.imageModel("ep-1");
    expect(model.provider).toBe("friendli.dedicated.image");
    const error = await Promise.resolve(friendli("m").doGenerate({ prompt })).catch((e: unknown) => e);
    expect(InvalidArgumentError.isInstance(error)).toBe(true);
    expect((error as Error).message).toMatch(/baseURL/);
  });

  it("names the deployment in each model's provider id; `deployment` picks the default one", () => {
    const friendli = createFriendli({ deployment: "dedicated" });
    expect(friendli("ep-1").provider).toBe("friendli.dedicated.chat");
    expect(friendli.embeddingModel("ep-1").provider).toBe("friendli.dedicated.embedding");
    expect(friendli.serverless.languageModel("m").provider).toBe("friendli.serverless.chat");
    expect(friendli.container.completionModel("").provider).toBe("friendli.container.completion");
    expect(createFriendli().transcriptionModel("w").provider).toBe("friendli.serverless.transcription");
  });

  it("throws NoSuchModelError, typed for the kind, where the API has no operation", () => {
    const friendli = createFriendli();
    for (const [make, kind] of [
      [() => friendli.embeddingModel("m"), "embeddingModel"],
      [() => friendli.container.embeddingModel(""), "embeddingModel"],
      [() => friendli.imageModel("m"), "imageModel"],
    ] as const) {
      const error = (() => {
        try {
          make();
        } catch (e) {
          return e;
        }
      })();
      expect(NoSuchModelError.isInstance(error)).toBe(true);
      expect((error as NoSuchModelError).modelType).toBe(kind);
    }
  });

  it("refuses a deployment it does not have, an inherited name too, when the provider is made", () => {
    for (const deployment of ["constructor", "toString", "__proto__", "Serverless"]) {
      const made = (() => {
        try {
          return createFriendli({ deployment: deployment as never });
        } catch (e) {
          return e;
        }
      })();
      expect(InvalidArgumentError.isInstance(made), deployment).toBe(true);
    }
  });
});
