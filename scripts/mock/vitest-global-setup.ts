import { appendFileSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { formatCall } from "../../packages/client/src/testing/index.ts";
import { startMockServer } from "./start-mock-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the Prism mock server serving the pinned spec. */
    mockServerUrl: string;
  }
}

/**
 * Vitest global setup shared by every package: one Prism for the run, stopped at the end
 * whatever happened. With FRIENDLI_REQUEST_LOG set, the requests the mock server answered
 * are appended to that file, one a line (`POST /v1/chat/completions stream 200`).
 */
export default async function setup(project: TestProject) {
  const server = await startMockServer();
  project.provide("mockServerUrl", server.url);
  return async () => {
    await server.stop();
    const log = process.env.FRIENDLI_REQUEST_LOG;
    if (log && server.calls.length) appendFileSync(log, `${server.calls.map(formatCall).join("\n")}\n`);
  };
}
