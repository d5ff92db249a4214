import { ValidationError } from "@friendli-ts/client";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { functionTool } from "../../src/index.ts";
import { mockInference } from "../support/mock-inference.ts";

// Prism checks each request against the spec (a violation becomes a ValidationError), so
// these show the helpers' requests are ones the API accepts.
const { serverless, dedicated } = mockInference();
const messages = [{ role: "user" as const, content: "Weather in Oslo?" }];

describe("helpers send what the spec accepts", () => {
  it("multimodal chat and Messages bodies pass the spec's request validation", async () => {
    const chat = await serverless.chat.complete({
      model: "m",
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "Describe these." },
            { type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgo=" } },
            { type: "audio_url", audio_url: { url: "https://example.com/a.wav" } },
            { type: "video_url", video_url: { url: "https://example.com/v.mp4" } },
          ],
        },
      ],
    });
    expect(chat.choices[0]?.message.content).toBeTruthy();
    const message = await dedicated.messages.create({
      model: "ep",
      max_tokens: 64,
      messages: [
        {
          role: "user",
          content: [
            { type: "image", source: { type: "base64", media_type: "image/png", data: "iVBORw0KGgo=" } },
            { type: "image", source: { type: "url", url: "https://example.com/cat.png" } },
            { type: "text", text: "Describe both." },
          ],
        },
      ],
    });
    expect(message.type).toBe("message");
  });

  it("a body the spec rejects fails loudly, so the tests above would catch a bad wrapper", async () => {
    const bad = serverless.chat.complete({
      model: "m",
      messages: [{ role: "user", content: [{ type: "image_url", image_url: "https://example.com/cat.png" }] }],
    } as never);
    await expect(bad).rejects.toBeInstanceOf(ValidationError);
  });

  it("chat.parse sends a valid response_format; the mock answers JSON valid against the schema", async () => {
    const City = z.object({ city: z.string() });
    const result = await serverless.chat.parse({ model: "m", messages }, City);
    expect(City.safeParse(result.parsed).success).toBe(true);
  });

  it("chat.runTools sends function tools the spec accepts and ends when the answer has no calls", async () => {
    const tool = functionTool({
      name: "get_weather",
      parameters: z.object({ city: z.string() }),
      run: ({ city }) => `${city}: 3°C`,
    });
    const result = await dedicated.chat.runTools({ model: "ep", messages }, { tools: [tool] });
    expect(result.steps).toBe(1);
    expect(result.content).toMatch(/^[A-Z].*\.$/);
    const streamed = await dedicated.chat.runTools({ model: "ep", messages }, { tools: [tool], stream: true });
    expect(streamed.content).toMatch(/^[A-Z].*\.$/);
  });
});
