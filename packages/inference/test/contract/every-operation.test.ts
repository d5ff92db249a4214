import { InvalidInputError } from "@friendli-ts/client";
import { afterAll, describe, expect, it } from "vitest";
import { calledOperations, inferenceOperationIds, mockInference } from "../support/mock-inference.ts";

const inference = mockInference();
const { serverless, dedicated, container } = inference;
const messages = [{ role: "user" as const, content: "Hello" }];
const kinds = { serverless, dedicated, container };
const audio = () => new Blob([new Uint8Array([82, 73, 70, 70])], { type: "audio/wav" });

/** Asserts `call` throws InvalidInputError naming `field`, and that nothing reached the server. */
async function expectRejectedBeforeNetwork(call: () => Promise<unknown>, field: RegExp): Promise<void> {
  const before = calledOperations();
  const error = await call().then(
    () => undefined,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(InvalidInputError);
  expect((error as Error).message).toMatch(field);
  expect(calledOperations()).toEqual(before);
}

describe.each(Object.entries(kinds))("%s", (name, api) => {
  it("chat.complete returns the assistant message", async () => {
    const result = await api.chat.complete({ model: "m", messages });
    expect(result.object).toBe("chat.completion");
    expect(result.choices[0]?.message.content).toBeTruthy();
    expect(result.usage.total_tokens).toBeGreaterThan(0);
  });

  it("chat.stream yields chunks and collects them (skipping the example's '...' line)", async () => {
    const stream = await api.chat.stream({ model: "m", messages, stream_options: { include_usage: true } });
    const final = await stream.finalResult();
    expect(final.choices[0]?.message.content).toMatch(/^[A-Z].*\.$/);
    expect(final.choices[0]?.finish_reason).toBe("stop");
    expect(final.usage?.completion_tokens).toBeGreaterThan(0);
    expect(final.usage?.total_tokens).toBe((final.usage?.prompt_tokens ?? 0) + (final.usage?.completion_tokens ?? 0));
  });

  it("chat rejects an empty conversation, or a message without a role, before the network", async () => {
    await expectRejectedBeforeNetwork(() => api.chat.complete({ model: "m", messages: [] }), /`messages`/);
    await expectRejectedBeforeNetwork(
      () => api.chat.complete({ model: "m", messages: [{ content: "Hi" }] as never }),
      /messages\[0\] needs a `role`/,
    );
    await expectRejectedBeforeNetwork(() => api.chat.stream({ model: "m", messages: [] }), /`messages`/);
  });

  it("completions.complete from a prompt and from tokens", async () => {
    const fromPrompt = await api.completions.complete({ model: "m", prompt: "Once upon a time" });
    expect(fromPrompt.object).toBe("text_completion");
    expect(fromPrompt.choices[0]?.text).toBeTruthy();
    const fromTokens = await api.completions.complete({ model: "m", tokens: [1, 2, 3] });
    expect(fromTokens.choices.length).toBeGreaterThan(0);
  });

  it("completions.stream gives text deltas", async () => {
    const stream = await api.completions.stream({ model: "m", prompt: "Once upon a time" });
    const text = await stream.finalText();
    expect(text.length).toBeGreaterThan(0);
  });

  it("completions needs exactly one of prompt and tokens", async () => {
    await expectRejectedBeforeNetwork(
      () => api.completions.complete({ model: "m", prompt: "a", tokens: [1] } as never),
      /exactly one of `prompt` and `tokens`/,
    );
    await expectRejectedBeforeNetwork(() => api.completions.stream({ model: "m" } as never), /`prompt`/);
  });

  it("responses.create and responses.stream", async () => {
    const response = await api.responses.create({ model: "m", input: "Hi" });
    expect(response.object).toBe("response");
    expect(response.output.length).toBeGreaterThan(0);
    const stream = await api.responses.stream({ model: "m", input: "Hi" });
    const final = await stream.finalResult();
    expect(final.status).toBe("completed");
  });

  it("responses rejects a missing input", async () => {
    await expectRejectedBeforeNetwork(() => api.responses.create({ model: "m", input: "" }), /`input`/);
  });

  it("messages.create and messages.stream", async () => {
    const message = await api.messages.create({ model: "m", max_tokens: 16, messages });
    expect(message.type).toBe("message");
    expect(message.content[0]).toMatchObject({ type: "text" });
    const stream = await api.messages.stream({ model: "m", max_tokens: 16, messages });
    const final = await stream.finalResult();
    expect(final.content).toEqual([{ type: "text", text: "Hello, how can I help?" }]);
    expect(final.stop_reason).toBe("end_turn");
    expect(final.usage.output_tokens).toBe(11);
  });

  it("messages rejects `stream` in the body", async () => {
    await expectRejectedBeforeNetwork(
      () => api.messages.create({ model: "m", messages, stream: true } as never),
      /`stream\(\)`/,
    );
  });

  it("token.tokenize and token.detokenize", async () => {
    const tokens = await api.token.tokenize({ model: "m", prompt: "What is generative AI?" });
    expect(tokens.tokens.length).toBeGreaterThan(0);
    const text = await api.token.detokenize({ model: "m", tokens: tokens.tokens });
    expect(typeof text.text).toBe("string");
  });

  it("token rejects token ids that are not integers", async () => {
    await expectRejectedBeforeNetwork(() => api.token.detokenize({ model: "m", tokens: [1.5] }), /integer/);
  });

  it("audio.transcriptions.create from a Blob, bytes and a byte stream", async () => {
    const fromBlob = await api.audio.transcriptions.create({ model: "m", file: audio() });
    expect(fromBlob.text).toBeTruthy();
    const fromBytes = await api.audio.transcriptions.create({ model: "m", file: new Uint8Array([1, 2, 3]) });
    expect(fromBytes.text).toBe(fromBlob.text);
    const fromStream = await api.audio.transcriptions.create({ model: "m", file: audio().stream() });
    expect(fromStream.text).toBe(fromBlob.text);
  });

  it("audio.transcriptions.stream gives deltas and the final transcript", async () => {
    const stream = await api.audio.transcriptions.stream({ model: "m", file: audio() });
    const [deltas, whole] = stream.tee();
    const pieces: string[] = [];
    for await (const piece of deltas.textDeltas()) pieces.push(piece);
    const final = await whole.finalResult();
    expect(pieces.slice(0, 2)).toEqual(["The", " quick"]);
    expect(final.text).toBe("The quick brown fox jumps over the lazy dog.");
    expect(final.usage?.total_tokens).toBe(30);
  });

  it("audio rejects a file that is not an upload", async () => {
    await expectRejectedBeforeNetwork(
      () => api.audio.transcriptions.create({ model: "m", file: "speech.wav" as never }),
      /`file` must be a Blob/,
    );
  });

  if (name !== "container") {
    it("model is required outside containers", async () => {
      await expectRejectedBeforeNetwork(() => api.chat.complete({ messages } as never), /`model`/);
    });
  } else {
    it("model may be left out for a container", async () => {
      const result = await container.chat.complete({ messages });
      expect(result.choices.length).toBeGreaterThan(0);
    });
  }
});

describe.each(Object.entries({ serverless, dedicated }))("%s chat.render", (_name, api) => {
  it("renders the prompt text", async () => {
    const rendered = await api.chat.render({ model: "m", messages });
    expect(rendered.text).toContain("Hello!");
  });
  it("rejects a missing model", async () => {
    await expectRejectedBeforeNetwork(() => api.chat.render({ model: "", messages }), /`model`/);
  });
});

describe.each(Object.entries({ dedicated, container }))("%s images and classification", (name, api) => {
  it("images.generate and images.edit", async () => {
    const generated = await api.images.generate({ model: "m", prompt: "A lighthouse at dawn" });
    // Dedicated answers with a list of images; a container with one base64 image.
    const expected = name === "container" ? { image: expect.any(String) } : { url: expect.any(String) };
    expect("data" in generated ? generated.data[0] : generated).toMatchObject(expected);
    const edited = await api.images.edit({
      model: "m",
      prompt: "Make it night",
      image: { image: "https://example.com/lighthouse.png" },
    });
    expect("data" in edited ? edited.data[0] : edited).toMatchObject(expected);
  });

  it("images.edit needs an image", async () => {
    await expectRejectedBeforeNetwork(() => api.images.edit({ model: "m", prompt: "x", image: [] }), /`image` must be/);
  });

  it("classification.classify", async () => {
    const result = await api.classification.classify({ model: "m", input: "I love programming." });
    expect(result.data[0]?.label).toBe("Positive");
  });

  it("classification needs input or tokens", async () => {
    await expectRejectedBeforeNetwork(() => api.classification.classify({ model: "m" }), /`input` and `tokens`/);
  });
});

describe("dedicated embeddings", () => {
  it("embeddings.create", async () => {
    const result = await dedicated.embeddings.create({ model: "endpoint-id", input: "The food was delicious" });
    expect(result.data[0]?.embedding).toEqual([expect.any(Number), expect.any(Number), expect.any(Number)]);
  });
  it("rejects both input and tokens", async () => {
    await expectRejectedBeforeNetwork(
      () => dedicated.embeddings.create({ model: "endpoint-id", input: "a", tokens: [1] }),
      /not both/,
    );
  });
});

describe("serverless only", () => {
  it("toolAssistedChat.complete", async () => {
    const result = await serverless.toolAssistedChat.complete({
      model: "m",
      messages: [{ role: "user", content: "What is 150 miles in km?" }],
      tools: [{ type: "math:calculator" }],
    });
    expect(result.choices[0]?.message.content).toBe("The result is 9.");
  });

  it("toolAssistedChat.stream: the tool's status, then the answer's tokens", async () => {
    const stream = await serverless.toolAssistedChat.stream({ model: "m", messages });
    const seen: string[] = [];
    let text = "";
    for await (const event of stream) {
      if (event.event === "tool_status") seen.push(`${event.data.name}:${event.data.status}`);
      else text += event.data.choices[0]?.delta.content ?? "";
    }
    expect(seen).toEqual(["math:calculator:STARTED", "math:calculator:ENDED"]);
    expect(text.length).toBeGreaterThan(0);
  });

  it("toolAssistedChat rejects a missing model", async () => {
    await expectRejectedBeforeNetwork(() => serverless.toolAssistedChat.stream({ messages } as never), /`model`/);
  });

  it("knowledge.retrieve", async () => {
    const result = await serverless.knowledge.retrieve({ query: "Chicken dinner", k: 1, knowledgeIds: ["kb-1"] });
    expect(Array.isArray(result.results)).toBe(true);
  });

  it("knowledge rejects k below 1", async () => {
    await expectRejectedBeforeNetwork(
      () => serverless.knowledge.retrieve({ query: "q", k: 0, knowledgeIds: ["kb-1"] }),
      /`k`/,
    );
  });

  it("models.list and models.listOpenRouter", async () => {
    const models = await serverless.models.list();
    expect(models.data[0]).toHaveProperty("pricing");
    const openRouter = await serverless.models.listOpenRouter();
    expect(openRouter.data[0]).toHaveProperty("openrouter");
  });
});

describe("coverage", () => {
  afterAll(() => {
    const covered = inferenceOperationIds.filter((id) => calledOperations().has(id)).length;
    console.log(`inference coverage: ${covered}/${inferenceOperationIds.length} operations`);
  });

  it("every inference operation of the spec was called by a test above", () => {
    const missing = inferenceOperationIds.filter((id) => !calledOperations().has(id));
    expect(inferenceOperationIds.length).toBeGreaterThanOrEqual(50);
    expect(missing).toEqual([]);
  });
});
