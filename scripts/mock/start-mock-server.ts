import { existsSync } from "node:fs";
import {
  type MockServer,
  type MockServerOptions,
  startMockServer as startPrism,
} from "../../packages/client/src/testing/index.ts";
import { mockSpecFile } from "../spec/paths.ts";
import { prepareSpec } from "../spec/prepare-spec.ts";

export type { MockServer, MockServerOptions };

/** The SDK's mock server, serving the workspace's normalised spec (prepared first if needed). */
export async function startMockServer(options: MockServerOptions = {}): Promise<MockServer> {
  if (!options.specFile && !existsSync(mockSpecFile)) await prepareSpec();
  return startPrism({ specFile: mockSpecFile, ...options });
}
