import { describe, expect, it } from "vitest";
import { SampleValidationError } from "../../src/sample-validation-error.ts";
import { validateSample } from "../../src/validate-sample.ts";

const PNG = "data:image/png;base64,iVBORw0KGgo=";
const at = { index: 4 };

function reject(value: unknown, position: { index: number; line?: number } = at): SampleValidationError {
  try {
    validateSample(value, position);
  } catch (error) {
    if (error instanceof SampleValidationError) return error;
    throw error;
  }
  throw new Error("expected the sample to be rejected");
}

describe("validateSample", () => {
  it("accepts a text conversation and reports TEXT in and out", () => {
    const checked = validateSample(
      {
        messages: [
          { role: "system", content: "be brief" },
          { role: "user", content: "hi" },
          { role: "assistant", content: "hello" },
        ],
      },
      at,
    );
    expect([...checked.input]).toEqual(["TEXT"]);
    expect([...checked.output]).toEqual(["TEXT"]);
    expect(checked.media).toEqual([]);
  });

  it("names the sample and the message for a wrong role", () => {
    const error = reject({ messages: [{ role: "bot", content: "hi" }] });
    expect(error.message).toBe('sample 4 (messages[0].role): role "bot" is not one of system, user, assistant, tool');
    expect(error).toMatchObject({ index: 4, path: "messages[0].role" });
  });

  it("names the JSONL line for bad base64", () => {
    const sample = {
      messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: "data:image/png;base64,@@@" } }] }],
    };
    const error = reject(sample, { index: 9, line: 12 });
    expect(error.message).toMatch(/^line 12 \(messages\[0\]\.content\[0\]\.image_url\.url\): .*not valid base64/);
    expect(error.line).toBe(12);
  });

  it("collects the media to store with where each URL sits, and only reads the input", () => {
    const input = {
      id: "kept",
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "what is this?" },
            { type: "image_url", image_url: { url: PNG, detail: "low" } },
            { type: "audio_url", audio_url: { url: "https://example.com/a.wav" } },
            { type: "video_url", video_url: { url: "s3://bucket/already-there.mp4" } },
          ],
        },
      ],
    };
    const copy = structuredClone(input);
    const checked = validateSample(input, at);
    expect([...checked.input].sort()).toEqual(["AUDIO", "IMAGE", "TEXT", "VIDEO"]);
    expect(checked.media).toEqual([
      {
        modality: "IMAGE",
        url: PNG,
        keys: ["messages", 0, "content", 1, "image_url", "url"],
        path: "messages[0].content[1].image_url.url",
      },
      {
        modality: "AUDIO",
        url: "https://example.com/a.wav",
        keys: ["messages", 0, "content", 2, "audio_url", "url"],
        path: "messages[0].content[2].audio_url.url",
      },
    ]);
    expect(input).toEqual(copy);
  });

  it("accepts the docs' image shorthands and points at the key that holds each URL", () => {
    const checked = validateSample(
      {
        messages: [
          {
            role: "user",
            content: [
              { type: "image", image: "https://example.com/a.jpg" },
              { type: "image", image_url: "https://example.com/b.jpg" },
              { type: "image_url", image_url: "https://example.com/c.jpg" },
            ],
          },
        ],
      },
      at,
    );
    expect(checked.media.map((m) => [m.path, m.url])).toEqual([
      ["messages[0].content[0].image", "https://example.com/a.jpg"],
      ["messages[0].content[1].image_url", "https://example.com/b.jpg"],
      ["messages[0].content[2].image_url", "https://example.com/c.jpg"],
    ]);
  });

  it.each([
    [null, "expected an object with `messages`, got null"],
    [{ messages: [] }, "expected a non-empty array of messages"],
    [{ messages: [{ role: "user", content: [] }] }, "a user message needs a string or a non-empty array"],
    [{ messages: [{ role: "tool", content: "42" }] }, "a tool message needs a string tool_call_id"],
    [{ messages: [{ role: "user", content: [{ type: "pdf" }] }] }, 'content type "pdf" is not text'],
    [
      { messages: [{ role: "user", content: [{ type: "image_url", image_url: { url: "ftp://x/y.png" } }] }] },
      "is not an http(s) URL, a base64 data URL or an s3:// URI",
    ],
  ])("rejects %j", (value, reason) => {
    expect(reject(value).reason).toContain(reason);
  });
});
