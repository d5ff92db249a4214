import { serveFaults } from "@friendli-ts/test-kit";
import { embedMany, generateImage } from "ai";
import { describe, expect, it } from "vitest";
import { json, localProvider, sentBody } from "../support/friendli-server.ts";

const serve = serveFaults();

// The smallest valid PNG: the AI SDK reads the image's bytes to find its media type.
const PNG = "iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==";

describe("embeddings and images against a local server", () => {
  it("embedMany keeps the input order whatever order the server lists the vectors in", async () => {
    const server = await serve((_req, res) =>
      json(res, {
        id: "e",
        object: "list",
        created: 1,
        data: [
          { index: 1, object: "embedding", embedding: [2, 2] },
          { index: 0, object: "embedding", embedding: [1, 1] },
        ],
        usage: { prompt_tokens: 4, completion_tokens: 0, total_tokens: 4 },
      }),
    );
    const result = await embedMany({
      model: localProvider(server).dedicated.embeddingModel("ep-1"),
      values: ["a", "b"],
    });
    expect(result.embeddings).toEqual([
      [1, 1],
      [2, 2],
    ]);
    expect(result.usage.tokens).toBe(4);
    expect(server.requests[0]?.path).toBe("/dedicated/v1/embeddings");
    expect(sentBody(server)).toEqual({ model: "ep-1", input: ["a", "b"], encoding_format: "float" });
  });

  it("generateImage asks for base64 and makes one request per image", async () => {
    const server = await serve((_req, res) =>
      json(res, { data: [{ seed: 1, response_format: "png", b64_json: PNG }] }),
    );
    const result = await generateImage({
      model: localProvider(server).dedicated.imageModel("ep-img"),
      prompt: "a dot",
      n: 2,
      providerOptions: { friendli: { numInferenceSteps: 8, guidanceScale: 3 } },
    });
    expect(result.images.map((image) => image.base64)).toEqual([PNG, PNG]);
    expect(result.images[0]?.mediaType).toBe("image/png");
    expect(server.requests).toHaveLength(2);
    expect(sentBody(server)).toEqual({
      model: "ep-img",
      prompt: "a dot",
      response_format: "png",
      num_inference_steps: 8,
      guidance_scale: 3,
    });
  });

  it("downloads an image the API answers with a URL for, without the token", async () => {
    const server = await serve((req, res) => {
      if (req.url === "/files/dot.png") {
        res.writeHead(200, { "content-type": "image/png" });
        res.end(Buffer.from(PNG, "base64"));
        return;
      }
      json(res, { data: [{ seed: 1, response_format: "url", url: `http://${req.headers.host}/files/dot.png` }] });
    });
    const result = await generateImage({
      model: localProvider(server).dedicated.imageModel("ep-img"),
      prompt: "a dot",
    });
    expect(result.image.base64).toBe(PNG);
    expect(server.requests[1]?.path).toBe("/files/dot.png");
    expect(server.requests[1]?.headers.authorization).toBeUndefined();
  });

  it("downloads only as many of the listed URLs as asked, one at a time", async () => {
    let open = 0;
    let mostOpen = 0;
    const server = await serve(async (req, res) => {
      if (req.url?.startsWith("/files/")) {
        open++;
        mostOpen = Math.max(mostOpen, open);
        // Held a moment, so downloads started together would overlap here.
        await new Promise((resolve) => setTimeout(resolve, 20));
        res.writeHead(200, { "content-type": "image/png" });
        res.end(Buffer.from(PNG, "base64"));
        open--;
        return;
      }
      const urls = Array.from({ length: 12 }, (_, i) => ({ url: `http://${req.headers.host}/files/${i}.png` }));
      json(res, { data: urls });
    });
    const model = localProvider(server).dedicated.imageModel("ep-img");
    const one = await generateImage({ model, prompt: "a dot", n: 1 });
    expect(one.images).toHaveLength(1);
    expect(server.requests.map((r) => r.path)).toEqual(["/dedicated/v1/images/generations", "/files/0.png"]);
    const three = await model.doGenerate({ prompt: "a dot", n: 3, providerOptions: {} } as never);
    expect(three.images).toHaveLength(3);
    expect(server.requests.filter((r) => r.path.startsWith("/files/"))).toHaveLength(4);
    expect(mostOpen).toBe(1);
  });
});
