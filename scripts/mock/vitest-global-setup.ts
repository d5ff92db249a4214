import { appendFileSync } from "node:fs";
import type { TestProject } from "vitest/node";
import { startMockServer } from "./start-mock-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the Prism mock server serving the pinned spec. */
    mockServerUrl: string;
  }
}

/**
 * Vitest global setup shared by every package: one Prism for the run, stopped at the end
 * whatever happened. With FRIENDLI_REQUEST_LOG set, the requests Prism received are
 * appended to that file (one `METHOD /path` a line).
 */
export default async function setup(project: TestProject) {
  const server = await startMockServer();
  project.provide("mockServerUrl", server.url);
  return async () => {
    await server.stop();
    const log = process.env.FRIENDLI_REQUEST_LOG;
    if (log && server.requests.length) appendFileSync(log, `${server.requests.join("\n")}\n`);
  };
}
