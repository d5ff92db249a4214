import { InvalidInputError } from "@friendli-ts/client";
import { describe, expect, it } from "vitest";
import { toUploadBlob } from "../../src/to-upload-blob.ts";

const bytes = new Uint8Array([1, 2, 3, 4]);
const read = async (blob: Blob) => [...new Uint8Array(await blob.arrayBuffer())];

describe("toUploadBlob", () => {
  it("keeps a Blob or File as it is (its name and type go along)", async () => {
    const file = new File([bytes], "speech.wav", { type: "audio/wav" });
    expect(await toUploadBlob("x", file)).toBe(file);
  });

  it("copies bytes, a view into a larger buffer, and an ArrayBuffer", async () => {
    expect(await read(await toUploadBlob("x", bytes))).toEqual([1, 2, 3, 4]);
    expect(await read(await toUploadBlob("x", bytes.subarray(1, 3)))).toEqual([2, 3]);
    expect(await read(await toUploadBlob("x", bytes.buffer))).toEqual([1, 2, 3, 4]);
  });

  it("reads a byte stream to its end", async () => {
    const stream = new ReadableStream<Uint8Array>({
      start(controller) {
        controller.enqueue(bytes.subarray(0, 2));
        controller.enqueue(bytes.subarray(2));
        controller.close();
      },
    });
    expect(await read(await toUploadBlob("x", stream))).toEqual([1, 2, 3, 4]);
  });

  it("rejects a path or anything else with a clear error", async () => {
    await expect(toUploadBlob("serverless.audio", "a.wav")).rejects.toThrow(InvalidInputError);
    await expect(toUploadBlob("serverless.audio", undefined)).rejects.toThrow(/got undefined/);
  });
});
