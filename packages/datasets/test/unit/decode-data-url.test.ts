import { describe, expect, it } from "vitest";
import { decodeDataUrl } from "../../src/decode-data-url.ts";

describe("decodeDataUrl", () => {
  it("decodes a base64 data URL to its bytes and media type", () => {
    expect(decodeDataUrl("data:image/png;base64,AAEC/w==")).toEqual({
      mediaType: "image/png",
      bytes: new Uint8Array([0, 1, 2, 255]),
    });
  });

  it.each([
    ["data:image/png,plain", "without ;base64"],
    ["data:image/png;base64,", "no base64 payload"],
    ["data:image/png;base64,AAE", "not valid base64"],
    ["data:image/png;base64,AA*C", "not valid base64"],
    ["https://example.com/a.png", "not a data URL"],
  ])("rejects %s", (url, reason) => {
    const result = decodeDataUrl(url);
    expect("error" in result && result.error).toContain(reason);
  });
});
