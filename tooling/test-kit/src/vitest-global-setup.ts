import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { formatCall } from "@friendli-ts/testing";
import type { TestProject } from "vitest/node";
import { startMockServer } from "./start-mock-server.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** Base URL of the Prism mock server serving the pinned spec. */
    mockServerUrl: string;
  }
}

/**
 * Vitest global setup shared by every package: one mock server for the run, stopped at
 * the end whatever happened. The calls it answered go to `requests.log` in the package
 * (one a line: `POST /v1/chat/completions stream 200`), which `pnpm spec:check` reads to
 * tell which operations a contract test really exercised.
 */
export default async function setup(project: TestProject) {
  const server = await startMockServer();
  project.provide("mockServerUrl", server.url);
  return async () => {
    await server.stop();
    const lines = server.calls.map(formatCall).join("\n");
    writeFileSync(join(project.config.root, "requests.log"), lines ? `${lines}\n` : "");
  };
}
