import { APICallError, TypeValidationError, UnsupportedFunctionalityError } from "@ai-sdk/provider";
import { APITimeoutError, ResponseTooLargeError } from "@friendli-ts/inference";
import { serveFaults, writeForever } from "@friendli-ts/test-kit";
import { generateImage } from "ai";
import { describe, expect, it } from "vitest";
import { json, localProvider, sentBody } from "../support/friendli-server.ts";

const serve = serveFaults();

// The smallest valid PNG: the AI SDK reads an image's bytes to find its media type.
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

const failure = (promise: PromiseLike<unknown>) =>
  Promise.resolve(promise).then(
    () => undefined,
    (e: unknown) => e,
  );

describe("image editing: generateImage with images to edit", () => {
  it("dedicated: the images go to the edits operation, bytes as a data URL and a URL as it is", async () => {
    const server = await serve((_req, res) => json(res, { data: [{ b64_json: PNG }] }));
    const result = await generateImage({
      model: localProvider(server).dedicated.imageModel("ep-img"),
      prompt: { images: [Buffer.from(PNG, "base64"), "https://example.com/cat.png"], text: "Add a hat" },
      seed: 4,
      providerOptions: { friendli: { numInferenceSteps: 10 } },
    });
    expect(result.image.base64).toBe(PNG);
    expect(server.requests[0]?.path).toBe("/dedicated/v1/images/edits");
    expect(sentBody(server)).toEqual({
      model: "ep-img",
      prompt: "Add a hat",
      image: [{ image: `data:image/png;base64,${PNG}` }, { image: "https://example.com/cat.png" }],
      response_format: "png",
      seed: 4,
      num_inference_steps: 10,
    });
  });

  it("container: the edits operation at the container's base URL, asking for jpeg", async () => {
    const server = await serve((_req, res) => json(res, { image: PNG }));
    const friendli = localProvider(server, { container: { baseURL: server.url } });
    await generateImage({
      model: friendli.container.imageModel(""),
      prompt: { images: [Buffer.from(PNG, "base64")], text: "brighter" },
    });
    expect(server.requests[0]?.path).toBe("/v1/images/edits");
    expect(sentBody(server)).toMatchObject({ response_format: "jpeg", image: [{ image: expect.any(String) }] });
  });

  it("a mask is refused before the network (the API takes none); an answer of the wrong shape names the edit", async () => {
    const server = await serve((_req, res) => json(res, { data: "nope" }));
    const model = localProvider(server).dedicated.imageModel("ep-img");
    const file = { type: "file" as const, mediaType: "image/png", data: PNG };
    const call = { prompt: "x", n: 1, size: undefined, aspectRatio: undefined, seed: undefined, providerOptions: {} };
    const masked = await failure(model.doGenerate({ ...call, files: [file], mask: file }));
    expect(UnsupportedFunctionalityError.isInstance(masked)).toBe(true);
    expect(server.requests).toHaveLength(0);
    const wrong = await failure(model.doGenerate({ ...call, files: [file], mask: undefined }));
    expect(wrong).toBeInstanceOf(TypeValidationError);
    expect((wrong as TypeValidationError).context?.field).toBe("image edit");
  });

  it("an edit answer that never ends is cut at the size cap; one that stalls ends at the timeout", async () => {
    const call = {
      prompt: "x",
      n: 1,
      size: undefined,
      aspectRatio: undefined,
      seed: undefined,
      files: [{ type: "url" as const, url: "https://example.com/cat.png" }],
      mask: undefined,
      providerOptions: {},
    };
    const flood = await serve(async (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"data":[{"b64_json":"');
      await writeForever(res, "A".repeat(4096));
    });
    const model = localProvider(flood, { maxResponseBytes: 64 * 1024 }).dedicated.imageModel("ep-img");
    const tooLarge = await failure(model.doGenerate(call));
    expect(APICallError.isInstance(tooLarge)).toBe(true);
    expect((tooLarge as Error).cause).toBeInstanceOf(ResponseTooLargeError);

    const stall = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write("{");
    });
    const slow = localProvider(stall, { timeout: 300 }).dedicated.imageModel("ep-img");
    const timedOut = await failure(slow.doGenerate(call));
    expect((timedOut as Error).cause).toBeInstanceOf(APITimeoutError);
  });
});
