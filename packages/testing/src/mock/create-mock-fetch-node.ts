import { fileURLToPath } from "node:url";
import {
  createMockFetch as createWithSpec,
  type MockFetch,
  type MockFetchOptions,
} from "../in-process/create-mock-fetch.ts";
import { loadSpecIndex } from "./spec-operations.ts";

/** Where the build puts the normalised spec: beside this module in `dist/mock/`. */
const bundledSchemaSpec = () => fileURLToPath(new URL("./friendli-openapi.normalized.json", import.meta.url));

/**
 * The mock in process (see `@friendli-ts/testing/in-process`), in Node: `spec` defaults to
 * the normalised spec shipped with this package, read once per process. Needs no Prism.
 */
export function createMockFetch(options: Partial<MockFetchOptions> = {}): MockFetch {
  return createWithSpec({ ...options, spec: options.spec ?? loadSpecIndex(bundledSchemaSpec()).doc });
}
