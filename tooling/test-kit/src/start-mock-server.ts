import { existsSync } from "node:fs";
import { type MockServer, type MockServerOptions, startMockServer as startPrism } from "@friendli-ts/client/testing";
import { mockSpecFile } from "@friendli-ts/scripts/paths";
import { prepareSpec } from "@friendli-ts/scripts/prepare-spec";

export type { MockServer, MockServerOptions };

/** The SDK's mock server, serving the workspace's normalised spec (prepared first if needed). */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  if (!options.specFile && !existsSync(mockSpecFile)) await prepareSpec();
  return startPrism({ specFile: mockSpecFile, ...options });
}
