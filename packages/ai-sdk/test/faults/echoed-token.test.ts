import { TypeValidationError } from "@ai-sdk/provider";
import { everythingAnErrorShows, findSecret, serveFaults } from "@friendli-ts/test-kit";
import { embed, generateText, streamText } from "ai";
import { describe, expect, it } from "vitest";
import { chunk, completion, localProvider, TOKEN } from "../support/friendli-server.ts";

const serve = serveFaults();

/** Every header of the answer, its request id and the answer's own strings echo the request's token. */
function echoHeaders(authorization: string | undefined) {
  const echo = String(authorization);
  return { "x-request-id": `req ${echo}`, "x-echo": echo };
}

describe("a server that echoes the token into a successful answer", () => {
  it("generateText: the request id, headers, id, model, usage and body are redacted", async () => {
    const server = await serve((req, res) => {
      const echo = String(req.headers.authorization);
      res.writeHead(200, { "content-type": "application/json", ...echoHeaders(req.headers.authorization) });
      res.end(
        JSON.stringify({
          ...completion({ content: "ok" }),
          id: echo,
          model: echo,
          usage: { prompt_tokens: 1, completion_tokens: 1, note: echo },
        }),
      );
    });
    const model = localProvider(server)("m");
    const result = await generateText({ model, prompt: "?" });
    // The AI SDK keeps the body off some results: the model's own result is checked too.
    const direct = await model.doGenerate({ prompt: [{ role: "user", content: [{ type: "text", text: "?" }] }] });
    const shown = JSON.stringify({
      direct,
      metadata: result.providerMetadata,
      headers: result.response.headers,
      id: result.response.id,
      model: result.response.modelId,
      body: result.response.body,
      usage: result.usage,
    });
    expect(shown).toContain("[redacted]");
    expect(findSecret(shown, TOKEN)).toBeUndefined();
    expect(result.providerMetadata?.friendli?.requestId).toBe("req Bearer [redacted]");
  });

  it("streamText: the request id, headers, metadata and raw chunks are redacted", async () => {
    const server = await serve((req, res) => {
      const echo = String(req.headers.authorization);
      res.writeHead(200, { "content-type": "text/event-stream", ...echoHeaders(req.headers.authorization) });
      res.end(
        [
          chunk({ content: "ok" }, "stop", { id: echo, model: echo }),
          chunk({}, null, { usage: { prompt_tokens: 1, note: echo } }),
          "data: [DONE]\n\n",
        ].join(""),
      );
    });
    const result = streamText({ model: localProvider(server)("m"), prompt: "?", includeRawChunks: true });
    const raw: unknown[] = [];
    for await (const part of result.fullStream) if (part.type === "raw") raw.push(part.rawValue);
    const response = await result.response;
    const shown = JSON.stringify({
      metadata: await result.providerMetadata,
      headers: response.headers,
      id: response.id,
      model: response.modelId,
      usage: await result.usage,
      raw,
    });
    expect(raw).toHaveLength(2);
    expect(shown).toContain("[redacted]");
    expect(findSecret(shown, TOKEN)).toBeUndefined();
  });

  it("embed: the headers, request id and body are redacted", async () => {
    const server = await serve((req, res) => {
      res.writeHead(200, { "content-type": "application/json", ...echoHeaders(req.headers.authorization) });
      res.end(JSON.stringify({ data: [{ index: 0, embedding: [1] }], note: String(req.headers.authorization) }));
    });
    const result = await embed({ model: localProvider(server).dedicated.embeddingModel("ep"), value: "a" });
    const shown = JSON.stringify({ metadata: result.providerMetadata, response: result.response });
    expect(shown).toContain("[redacted]");
    expect(findSecret(shown, TOKEN)).toBeUndefined();
  });

  it("an answer of the wrong shape that echoes the token: the TypeValidationError is redacted", async () => {
    const server = await serve((req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ choices: String(req.headers.authorization) }));
    });
    const error = await localProvider(server)("m")
      .doGenerate({ prompt: [{ role: "user", content: [{ type: "text", text: "?" }] }] })
      .then(
        () => undefined,
        (e: unknown) => e,
      );
    const shown = everythingAnErrorShows(error);
    expect(shown).toContain("[redacted]");
    expect(findSecret(shown, TOKEN)).toBeUndefined();
  });

  it("an image URL the server wrote the token into is refused, never requested", async () => {
    const server = await serve((req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      const url = `http://${req.headers.host}/files/${encodeURIComponent(String(req.headers.authorization))}.png`;
      res.end(JSON.stringify({ data: [{ url }] }));
    });
    const model = localProvider(server).dedicated.imageModel("ep");
    const error = await model.doGenerate({ prompt: "a dot", n: 1, providerOptions: {} } as never).then(
      () => undefined,
      (e: unknown) => e,
    );
    expect(TypeValidationError.isInstance(error)).toBe(true);
    expect(findSecret(everythingAnErrorShows(error), TOKEN)).toBeUndefined();
    expect(server.requests.map((r) => r.path)).toEqual(["/dedicated/v1/images/generations"]);
  });

  it("with a token function, the token each call sent is the one redacted (generate and stream)", async () => {
    const server = await serve((req, res) => {
      const accept = req.headers.accept;
      res.writeHead(200, {
        "content-type": accept === "text/event-stream" ? "text/event-stream" : "application/json",
        ...echoHeaders(req.headers.authorization),
      });
      if (accept === "text/event-stream")
        return void res.end([chunk({ content: "ok" }, "stop"), "data: [DONE]\n\n"].join(""));
      res.end(JSON.stringify(completion({ content: "ok" })));
    });
    const model = localProvider(server, { token: async () => TOKEN })("m");
    const generated = await generateText({ model, prompt: "?" });
    const streamed = streamText({ model, prompt: "?" });
    await streamed.consumeStream();
    const shown = JSON.stringify([
      generated.providerMetadata,
      generated.response.headers,
      await streamed.providerMetadata,
      (await streamed.response).headers,
    ]);
    expect(shown).toContain("[redacted]");
    expect(findSecret(shown, TOKEN)).toBeUndefined();
  });
});
