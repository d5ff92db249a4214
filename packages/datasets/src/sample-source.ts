import { InvalidInputError } from "@friendli-ts/client";
import { readJsonlLines } from "./read-jsonl-lines.ts";
import { SampleValidationError } from "./sample-validation-error.ts";
import type { Sample } from "./spec-types.ts";

/**
 * What `uploadSamples` reads: samples (or JSON strings of samples) in an array, a sync or
 * async iterable, or JSONL bytes as a ReadableStream or a Blob/File.
 */
export type SampleInput =
  | Iterable<Sample | string>
  | AsyncIterable<Sample | string>
  | ReadableStream<Uint8Array>
  | Blob;

export interface SourceItem {
  value: unknown;
  index: number;
  line?: number | undefined;
}

export interface SourceInfo {
  /** Known up front for arrays; null for iterables and JSONL. */
  samplesTotal: number | null;
  /** Known up front for Blobs (files). */
  bytesTotal: number | null;
}

export function describeSource(input: SampleInput): SourceInfo {
  if (Array.isArray(input)) return { samplesTotal: input.length, bytesTotal: null };
  if (input instanceof Blob) return { samplesTotal: null, bytesTotal: input.size };
  return { samplesTotal: null, bytesTotal: null };
}

/** One item at a time, whatever the input; JSON is parsed here so errors carry their position. */
export async function* readSamples(
  input: SampleInput,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<SourceItem> {
  if (input instanceof Blob || input instanceof ReadableStream) {
    const stream = input instanceof Blob ? input.stream() : input;
    let index = 0;
    for await (const { text, line } of readJsonlLines(stream, onBytes)) {
      yield { value: parseJson(text, { index, line }), index, line };
      index++;
    }
    return;
  }
  if (input === null || typeof input !== "object" || !(Symbol.iterator in input || Symbol.asyncIterator in input)) {
    throw new InvalidInputError("uploadSamples takes an array, an (async) iterable, a ReadableStream or a Blob");
  }
  let index = 0;
  for await (const item of input as AsyncIterable<Sample | string>) {
    yield { value: typeof item === "string" ? parseJson(item, { index }) : item, index };
    index++;
  }
}

function parseJson(text: string, position: { index: number; line?: number }): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SampleValidationError(position, "", `not valid JSON (${(error as Error).message})`);
  }
}
