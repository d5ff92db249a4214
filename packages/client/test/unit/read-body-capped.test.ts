import { describe, expect, it } from "vitest";
import { ResponseTooLargeError } from "../../src/errors/response-too-large-error.ts";
import { readBodyCapped } from "../../src/transport/read-body-capped.ts";

const bytesOf = (...sizes: number[]) => {
  let n = 0;
  return sizes.map((size) => Uint8Array.from({ length: size }, () => n++ % 256));
};

function bodyOf(chunks: Uint8Array[], onCancel?: () => void): ReadableStream<Uint8Array> {
  let i = 0;
  return new ReadableStream({
    pull(controller) {
      const chunk = chunks[i++];
      if (chunk) controller.enqueue(chunk);
      else controller.close();
    },
    cancel: onCancel,
  });
}

const joined = (chunks: Uint8Array[]) => Uint8Array.from(chunks.flatMap((c) => [...c]));

describe("readBodyCapped", () => {
  it("joins the chunks, whether or not a length was declared, and hands a lone chunk back as is", async () => {
    const chunks = bytesOf(3, 5, 2);
    const declared = new Response(bodyOf(chunks), { headers: { "content-length": "10" } });
    expect((await readBodyCapped(declared, 10, { reading: "x" })).bytes).toEqual(joined(chunks));
    expect((await readBodyCapped(bodyOf(chunks), 10, { reading: "x" })).bytes).toEqual(joined(chunks));
    const [only] = bytesOf(4);
    expect((await readBodyCapped(bodyOf([only as Uint8Array]), 10, { reading: "x" })).bytes).toBe(only);
  });

  it("keeps bytes beyond a wrong declared length", async () => {
    const chunks = bytesOf(3, 5);
    const response = new Response(bodyOf(chunks), { headers: { "content-length": "4" } });
    expect((await readBodyCapped(response, 100, { reading: "x" })).bytes).toEqual(joined(chunks));
  });

  it("throws past the limit and cancels the body", async () => {
    let cancelled = false;
    const error = await readBodyCapped(
      bodyOf(bytesOf(6, 6), () => {
        cancelled = true;
      }),
      10,
      { reading: "the answer" },
    ).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ResponseTooLargeError);
    expect(error).toMatchObject({ limit: 10, reading: "the answer" });
    expect(cancelled).toBe(true);
  });

  it("refuses a declared length past the limit before reading", async () => {
    let pulled = false;
    // No high-water mark: the stream is pulled only when read.
    const body = new ReadableStream<Uint8Array>(
      {
        pull() {
          pulled = true;
        },
      },
      { highWaterMark: 0 },
    );
    const response = new Response(body, { headers: { "content-length": "11" } });
    await expect(readBodyCapped(response, 10, { reading: "x" })).rejects.toBeInstanceOf(ResponseTooLargeError);
    expect(pulled).toBe(false);
  });

  it("cuts at the limit when asked to, and says so", async () => {
    const chunks = bytesOf(6, 6);
    const { bytes, cut } = await readBodyCapped(bodyOf(chunks), 10, { reading: "x", over: "cut" });
    expect(cut).toBe(true);
    expect(bytes).toEqual(joined(chunks).slice(0, 10));
  });
});
