import { serveFaults } from "@friendli-ts/test-kit";
import { generateText, streamText, transcribe } from "ai";
import { describe, expect, it } from "vitest";
import { json, localProvider, sentBody, sse, stream } from "../support/friendli-server.ts";

const serve = serveFaults();

const completionChunk = (text: string, finish: string | null = null) =>
  sse({ id: "cmpl-1", object: "text_completion", created: 1, choices: [{ index: 0, text, finish_reason: finish }] });

describe("the completion model", () => {
  it("sends the prompt's text to /v1/completions and returns the completion", async () => {
    const server = await serve((_req, res) =>
      json(res, {
        id: "cmpl-1",
        object: "text_completion",
        created: 1,
        model: "m",
        choices: [{ index: 0, text: " there was a cat.", finish_reason: "length" }],
        usage: { prompt_tokens: 4, completion_tokens: 5, total_tokens: 9 },
      }),
    );
    const result = await generateText({
      model: localProvider(server).completionModel("m"),
      prompt: "Once upon a time",
      maxOutputTokens: 5,
    });
    expect(server.requests[0]?.path).toBe("/serverless/v1/completions");
    expect(sentBody(server)).toEqual({ model: "m", prompt: "Once upon a time", max_tokens: 5 });
    expect(result.text).toBe(" there was a cat.");
    expect(result.finishReason).toBe("length");
    expect(result.usage.totalTokens).toBe(9);
  });

  it("streams a completion, skipping chunks without text", async () => {
    const server = await serve((_req, res) =>
      stream(res, [completionChunk(""), completionChunk("a"), completionChunk("b", "stop"), "data: [DONE]\n\n"]),
    );
    const result = streamText({ model: localProvider(server).dedicated.completionModel("ep-1"), prompt: "x" });
    expect(await result.text).toBe("ab");
    expect(await result.finishReason).toBe("stop");
    expect(server.requests[0]?.path).toBe("/dedicated/v1/completions");
  });

  it("refuses a conversation with an assistant turn rather than flattening it", async () => {
    const server = await serve((_req, res) => json(res, {}));
    const call = generateText({
      model: localProvider(server).completionModel("m"),
      messages: [
        { role: "user", content: "hi" },
        { role: "assistant", content: "hello" },
      ],
    });
    await expect(call).rejects.toThrow(/assistant messages in a completion prompt/);
    expect(server.requests).toHaveLength(0);
  });
});

describe("the transcription model", () => {
  it("uploads the audio as multipart with Friendli's options and returns the text", async () => {
    const server = await serve((_req, res) =>
      json(res, { text: "hello world", usage: { type: "duration", seconds: 1 } }),
    );
    const result = await transcribe({
      model: localProvider(server).dedicated.transcriptionModel("ep-whisper"),
      audio: new Uint8Array([82, 73, 70, 70, 1, 2, 3, 4]),
      providerOptions: { friendli: { language: "en", temperature: 0 } },
    });
    expect(result.text).toBe("hello world");
    expect(result.language).toBe("en");
    const request = server.requests[0];
    expect(request?.path).toBe("/dedicated/v1/audio/transcriptions");
    expect(request?.headers["content-type"]).toMatch(/^multipart\/form-data; boundary=/);
    for (const field of ['name="model"', "ep-whisper", 'name="language"', 'name="temperature"', 'name="file"']) {
      expect(request?.body).toContain(field);
    }
  });
});

describe("abort", () => {
  it("an abort during generateText, after the server has the request, is an AbortError", async () => {
    let seen!: () => void;
    const arrived = new Promise<void>((resolve) => {
      seen = resolve;
    });
    const server = await serve(() => {
      seen(); // and never answer
    });
    const controller = new AbortController();
    const call = generateText({ model: localProvider(server)("m"), prompt: "?", abortSignal: controller.signal });
    await arrived;
    controller.abort();
    const error = await call.then(
      () => undefined,
      (e: unknown) => e,
    );
    expect((error as Error).name).toBe("AbortError");
  });
});
