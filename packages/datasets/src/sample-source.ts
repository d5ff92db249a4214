import { InvalidInputError } from "@friendli-ts/client";
import { readJsonlLines } from "./read-jsonl-lines.ts";
import { sampleJson } from "./sample-json.ts";
import { type SamplePosition, SampleValidationError } from "./sample-validation-error.ts";
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
  /** The sample as given: a JSONL line (trimmed) or a string, or an object. Not parsed yet. */
  raw: unknown;
  index: number;
  line?: number | undefined;
}

export interface SourceInfo {
  /** Known up front for arrays; null for iterables and JSONL. */
  samplesTotal: number | null;
  /** Known up front for Blobs (files). */
  bytesTotal: number | null;
}

/** Throws an InvalidInputError when the input is none of the kinds `SampleInput` names. */
export function checkSource(input: SampleInput): void {
  if (input instanceof Blob || input instanceof ReadableStream) return;
  if (input === null || typeof input !== "object" || !(Symbol.iterator in input || Symbol.asyncIterator in input)) {
    throw new InvalidInputError("uploadSamples takes an array, an (async) iterable, a ReadableStream or a Blob");
  }
}

export function describeSource(input: SampleInput): SourceInfo {
  if (Array.isArray(input)) return { samplesTotal: input.length, bytesTotal: null };
  if (input instanceof Blob) return { samplesTotal: null, bytesTotal: input.size };
  return { samplesTotal: null, bytesTotal: null };
}

/**
 * One item at a time, whatever the input, numbered and not parsed: a caller skipping items
 * (resuming an upload) pays for reading them only.
 */
export async function* readSamples(
  input: SampleInput,
  onBytes?: (bytesRead: number) => void,
  maxLineBytes?: number,
): AsyncGenerator<SourceItem> {
  if (input instanceof Blob || input instanceof ReadableStream) {
    const stream = input instanceof Blob ? input.stream() : input;
    let index = 0;
    for await (const { text, line } of readJsonlLines(stream, onBytes, maxLineBytes)) {
      yield { raw: text, index, line };
      index++;
    }
    return;
  }
  checkSource(input);
  let index = 0;
  for await (const item of input as AsyncIterable<Sample | string>) {
    yield { raw: item, index };
    index++;
  }
}

/**
 * The sample's JSON text as it will be sent: a JSONL line or a string as written (without the
 * whitespace around it), an object as JSON.stringify writes it (refusing what JSON cannot
 * carry as is, see `sampleJson`).
 */
export function sampleText(item: SourceItem): string {
  const position = { index: item.index, line: item.line };
  return typeof item.raw === "string" ? item.raw.trim() : sampleJson(item.raw, position);
}

/** Parses a sample's text; an error names the sample or line. */
export function parseSample(text: string, position: SamplePosition): unknown {
  try {
    return JSON.parse(text);
  } catch (error) {
    throw new SampleValidationError(position, "", `not valid JSON (${(error as Error).message})`);
  }
}
