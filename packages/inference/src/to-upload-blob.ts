import { InvalidInputError } from "@friendli-ts/client";

/** What an upload field accepts: a Blob or File, raw bytes, or a stream of bytes. */
export type UploadInput = Blob | ArrayBuffer | ArrayBufferView | ReadableStream<Uint8Array>;

/**
 * Turns an upload into a Blob the multipart serializer sends as a file part. A stream is
 * read to its end first, since a multipart body needs its parts' lengths.
 */
export async function toUploadBlob(what: string, input: unknown): Promise<Blob> {
  if (input instanceof Blob) return input;
  if (input instanceof ArrayBuffer) return new Blob([input]);
  if (ArrayBuffer.isView(input)) {
    const view = new Uint8Array(input.buffer, input.byteOffset, input.byteLength);
    // A copy, so the Blob does not share (or depend on) a SharedArrayBuffer.
    return new Blob([view.slice()]);
  }
  if (input instanceof ReadableStream) return new Response(input).blob();
  throw new InvalidInputError(
    `${what}: \`file\` must be a Blob, File, Uint8Array, ArrayBuffer or ReadableStream, got ${input === null ? "null" : typeof input}`,
  );
}
