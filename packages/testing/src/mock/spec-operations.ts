import { readFileSync } from "node:fs";
import { indexSpec, type SpecDocument, type SpecIndex } from "../spec-check/spec-index.ts";

export {
  indexSpec,
  JSON_TYPE,
  type MediaObject,
  type ResponseObject,
  type SpecDocument,
  type SpecIndex,
  type SpecOperation,
  SSE,
} from "../spec-check/spec-index.ts";

const cache = new Map<string, SpecIndex>();

/** Reads and indexes an OpenAPI file once per process. */
export function loadSpecIndex(file: string): SpecIndex {
  let index = cache.get(file);
  if (!index) {
    index = indexSpec(JSON.parse(readFileSync(file, "utf8")) as SpecDocument);
    cache.set(file, index);
  }
  return index;
}
