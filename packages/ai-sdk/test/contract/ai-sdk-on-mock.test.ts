import { embed, embedMany, generateText, Output, streamText, transcribe } from "ai";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { mockProvider } from "../support/mock-provider.ts";

const friendli = mockProvider();
const deployments = { serverless: friendli.serverless, dedicated: friendli.dedicated, container: friendli.container };

describe.each(Object.entries(deployments))("%s chat through the AI SDK, against the mock", (name, models) => {
  const model = models(name === "container" ? "" : "m");

  it("generateText returns the text, usage, finish reason and the response headers", async () => {
    const result = await generateText({ model, prompt: "Hello" });
    expect(result.text).not.toBe("");
    expect(result.finishReason).toBe("stop");
    expect(result.usage.totalTokens).toBeGreaterThan(0);
    expect(result.response.headers?.["content-type"]).toMatch(/json/);
    expect(result.providerMetadata?.friendli).toHaveProperty("requestId");
  });

  it("streamText streams the text and reports usage (the stream asks for it)", async () => {
    const result = streamText({ model, prompt: "Hello" });
    let text = "";
    for await (const delta of result.textStream) text += delta;
    expect(text).toMatch(/^[A-Z].*\.$/);
    expect(await result.finishReason).toBe("stop");
    // The mock sends usage only to a stream that asks for it (stream_options.include_usage).
    const usage = await result.usage;
    expect(usage.totalTokens).toBe((usage.inputTokens ?? 0) + (usage.outputTokens ?? 0));
    expect(usage.outputTokens).toBeGreaterThan(0);
  });
});

describe("structured output against the mock", () => {
  it("Output.object: the mock answers JSON valid against the schema, parsed by the AI SDK", async () => {
    const schema = z.object({ name: z.string(), age: z.number().int() });
    const { output } = await generateText({
      model: friendli("m"),
      prompt: "A name",
      output: Output.object({ schema }),
    });
    // The mock makes its answer from the request's json_schema: a refused request would be
    // an APICallError (422), an answer off the schema a NoObjectGeneratedError.
    expect(schema.safeParse(output).success).toBe(true);
  });
});

describe("embeddings, images and transcription against the mock", () => {
  it("embed and embedMany return vectors (dedicated)", async () => {
    const model = friendli.dedicated.embeddingModel("ep-1");
    const one = await embed({ model, value: "hello" });
    expect(one.embedding.length).toBeGreaterThan(0);
    // The mock gives one vector per input, the same for the same text.
    const many = await embedMany({ model, values: ["hello", "a"] });
    expect(many.embeddings).toHaveLength(2);
    expect(many.embeddings[0]).toEqual(one.embedding);
    expect(many.embeddings[1]).not.toEqual(one.embedding);
  });

  it("the container image request passes the mock's check", async () => {
    // The mock's example image is a placeholder, not base64, which generateImage checks (and
    // its dedicated example is a URL on another host); generateImage runs on a local server
    // (images.test.ts). Here: that the request is one the spec takes.
    const result = await friendli.container.imageModel("").doGenerate({
      prompt: "a cat",
      n: 1,
      size: undefined,
      aspectRatio: undefined,
      seed: 7,
      files: undefined,
      mask: undefined,
      providerOptions: { friendli: { numInferenceSteps: 4 } },
    });
    expect(result.images).toHaveLength(1);
  });

  it("an image edit (dedicated) passes the mock's check; the example's image URL is read without leaving the machine", async () => {
    const paths: string[] = [];
    // The mock's example answer is a URL on another host: that download is answered here.
    const localFetch: typeof fetch = async (input, init) => {
      const url = new URL(input instanceof Request ? input.url : String(input));
      paths.push(url.pathname);
      if (url.hostname !== "127.0.0.1") return new Response(new Uint8Array([1, 2, 3]), { status: 200 });
      return fetch(input, init);
    };
    const result = await mockProvider({ fetch: localFetch })
      .dedicated.imageModel("ep-1")
      .doGenerate({
        prompt: "add a hat",
        n: 1,
        size: undefined,
        aspectRatio: undefined,
        seed: undefined,
        files: [{ type: "url", url: "https://example.com/cat.png" }],
        mask: undefined,
        providerOptions: {},
      });
    expect(paths[0]).toBe("/dedicated/v1/images/edits");
    expect(result.images).toEqual(["AQID"]);
  });

  it("transcribe uploads the audio as multipart and returns the text (serverless)", async () => {
    const audio = new Uint8Array([82, 73, 70, 70, 0, 0, 0, 0, 87, 65, 86, 69]);
    const result = await transcribe({ model: friendli.serverless.transcriptionModel("whisper"), audio });
    expect(result.text).not.toBe("");
  });
});

describe("model discovery against the mock", () => {
  it("listModels reads the public serverless list: ids, limits and what each model can do", async () => {
    const models = await friendli.listModels();
    expect(models.length).toBeGreaterThan(0);
    for (const model of models) {
      expect(model.id).not.toBe("");
      expect(typeof model.functionality?.toolCalls).toBe("boolean");
    }
  });
});

describe("kinds a deployment does not serve", () => {
  it("names where the kind exists instead", () => {
    expect(() => friendli.embeddingModel("m")).toThrow(
      /serverless has no embeddings.*friendli\.dedicated\.embeddingModel/,
    );
    expect(() => friendli.container.embeddingModel("")).toThrow(/NoSuchModelError|container has no embeddings/);
    expect(() => friendli.serverless.imageModel("m")).toThrow(
      /friendli\.dedicated\.imageModel\(\) or friendli\.container\.imageModel\(\)/,
    );
  });
});
