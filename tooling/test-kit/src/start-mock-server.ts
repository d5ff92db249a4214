import { existsSync } from "node:fs";
import { mockSpecFile, normalizedSpecFile } from "@friendli-ts/scripts/paths";
import { prepareSpec } from "@friendli-ts/scripts/prepare-spec";
import { type MockServer, type MockServerOptions, startMockServer as startPrism } from "@friendli-ts/testing";

export type { MockServer, MockServerOptions };

/**
 * The SDK's mock server, serving the workspace's normalised spec (prepared first if needed);
 * scripted replies are checked against the whole normalised spec, stream operations included.
 */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  if (!options.specFile && !(existsSync(mockSpecFile) && existsSync(normalizedSpecFile))) await prepareSpec();
  return startPrism({
    // The SDK's contract tests call every operation with ids they make up, to cover each one
    // against the spec's examples; the state (404 for ids never created) is tested on its own.
    state: false,
    specFile: mockSpecFile,
    ...(!options.specFile && { schemaSpecFile: normalizedSpecFile }),
    ...options,
  });
}
