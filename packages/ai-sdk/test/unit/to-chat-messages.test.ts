import { describe, expect, it } from "vitest";
import { toChatMessages } from "../../src/to-chat-messages.ts";

describe("toChatMessages", () => {
  it("sends one text part as a string, several parts and images as content parts", () => {
    const messages = toChatMessages([
      { role: "user", content: [{ type: "text", text: "one" }] },
      {
        role: "user",
        content: [
          { type: "text", text: "look" },
          { type: "file", mediaType: "image/png", data: { type: "data", data: new Uint8Array([1, 2, 3]) } },
          { type: "file", mediaType: "image/jpeg", data: { type: "url", url: new URL("https://example.com/a.jpg") } },
        ],
      },
    ]);
    expect(messages).toEqual([
      { role: "user", content: "one" },
      {
        role: "user",
        content: [
          { type: "text", text: "look" },
          { type: "image_url", image_url: { url: "data:image/png;base64,AQID" } },
          { type: "image_url", image_url: { url: "https://example.com/a.jpg" } },
        ],
      },
    ]);
  });

  it("refuses a file Friendli chat cannot take", () => {
    expect(() =>
      toChatMessages([
        {
          role: "user",
          content: [{ type: "file", mediaType: "application/pdf", data: { type: "data", data: "AA==" } }],
        },
      ]),
    ).toThrow(/application\/pdf/);
  });

  it("turns each kind of tool output into the tool message's text", () => {
    const result = (output: Parameters<typeof toChatMessages>[0][number]) => toChatMessages([output])[0];
    const tool = (output: object) =>
      result({
        role: "tool",
        content: [{ type: "tool-result", toolCallId: "c", toolName: "t", output } as never],
      });
    expect(tool({ type: "json", value: { a: 1 } })).toMatchObject({ content: '{"a":1}', tool_call_id: "c" });
    expect(tool({ type: "error-text", value: "boom" })).toMatchObject({ content: "boom" });
    expect(tool({ type: "execution-denied" })).toMatchObject({ content: "The tool call was not approved." });
  });
});
