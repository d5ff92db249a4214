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
    specFile: mockSpecFile,
    ...(!options.specFile && { schemaSpecFile: normalizedSpecFile }),
    ...options,
  });
}
