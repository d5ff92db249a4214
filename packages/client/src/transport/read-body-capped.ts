import { ResponseTooLargeError } from "../errors/response-too-large-error.ts";
import type { BodyInput, OwnedBytes } from "./web-types.ts";

export interface ReadCappedOptions {
  /** What is being read, for the error: `the answer to GET /v1/files`. */
  reading: string;
  /**
   * `"throw"` (default): more than `limit` bytes is a ResponseTooLargeError. `"cut"`: the
   * first `limit` bytes are kept and the rest is never read (error bodies).
   */
  over?: "throw" | "cut";
}

export interface CappedBody {
  bytes: OwnedBytes;
  /** Whether bytes past the limit were dropped (`over: "cut"` only). */
  cut: boolean;
}

/**
 * Reads a body up to `limit` bytes, then cancels it, so a server that sends too much (or never
 * stops) costs at most the limit. A declared Content-Length over the limit fails before any
 * read. The bytes are copied once into a buffer of their size; a body of a single chunk is
 * handed back as is.
 */
export async function readBodyCapped(
  source: Response | ReadableStream<Uint8Array> | null,
  limit: number,
  options: ReadCappedOptions,
): Promise<CappedBody> {
  const over = options.over ?? "throw";
  const body = source instanceof Response ? source.body : source;
  if (!body) return { bytes: new Uint8Array(0), cut: false };
  const declared = source instanceof Response ? declaredLength(source) : undefined;
  if (over === "throw" && declared !== undefined && declared > limit) {
    await body.cancel().catch(() => {});
    throw new ResponseTooLargeError(options.reading, limit);
  }
  // A declared length (of the bytes as read: not when the body is compressed) lets each chunk
  // go straight into the result, so the chunks and their copy are never held at once.
  // A body that comes whole in its first chunk is handed back as that chunk.
  const expected = declared !== undefined && declared <= limit ? declared : undefined;
  let into: OwnedBytes | undefined;
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  let cut = false;
  let ended = false;
  const keep = (chunk: Uint8Array) => {
    if (size === 0 && expected !== undefined && chunk.byteLength < expected) into = new Uint8Array(expected);
    if (into && size + chunk.byteLength <= into.byteLength) into.set(chunk, size);
    else {
      // More than declared: keep the chunks and join them at the end after all.
      if (into) chunks.push(into.subarray(0, size));
      into = undefined;
      chunks.push(chunk);
    }
    size += chunk.byteLength;
  };
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) {
        ended = true;
        break;
      }
      if (size + value.byteLength > limit) {
        if (over === "throw") throw new ResponseTooLargeError(options.reading, limit);
        keep(value.subarray(0, limit - size));
        cut = true;
        break;
      }
      keep(value);
    }
  } finally {
    // Whatever stopped the loop before the end (the cap, an error), the rest is dropped.
    if (!ended) await reader.cancel().catch(() => {});
  }
  if (into) return { bytes: size === into.byteLength ? into : into.slice(0, size), cut };
  return { bytes: joinBytes(chunks, size), cut };
}

/** The Content-Length of a body read as sent (none when it is compressed: fetch decodes it). */
function declaredLength(response: Response): number | undefined {
  const encoding = response.headers.get("content-encoding");
  if (encoding && encoding !== "identity") return undefined;
  const value = response.headers.get("content-length");
  const length = value === null || !/^\d+$/.test(value.trim()) ? Number.NaN : Number(value);
  return Number.isSafeInteger(length) ? length : undefined;
}

/** The chunks as one buffer of `size` bytes; a lone chunk that fills its own buffer is handed back as is. */
export function joinBytes(chunks: Uint8Array[], size: number): OwnedBytes {
  const only = chunks[0];
  if (chunks.length === 1 && only && only.buffer instanceof ArrayBuffer && only.byteLength === only.buffer.byteLength) {
    return only as OwnedBytes;
  }
  const joined = new Uint8Array(size);
  let at = 0;
  for (const chunk of chunks) {
    joined.set(chunk, at);
    at += chunk.byteLength;
  }
  return joined;
}

/** A Response over bytes already read, without copying them (the Response constructor copies a buffer it is given). */
export function responseOfBytes(bytes: OwnedBytes, like: Response): Response {
  const body = new ReadableStream<Uint8Array>({
    start(controller) {
      if (bytes.byteLength > 0) controller.enqueue(bytes);
      controller.close();
    },
  });
  return responseOfBody(body, like);
}

/**
 * A Response with `like`'s status and headers over a body already read (and so decoded): its
 * length and encoding headers no longer hold, and go.
 */
export function responseOfBody(
  body: BodyInput | null,
  like: { status: number; statusText?: string; headers: Headers },
): Response {
  // The new Response copies the headers: they are dropped from its copy, not from a copy of theirs.
  const response = new Response(body, {
    status: like.status,
    statusText: like.statusText ?? "",
    headers: like.headers,
  });
  response.headers.delete("content-length");
  response.headers.delete("content-encoding");
  return response;
}
