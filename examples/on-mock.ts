import { pathToFileURL } from "node:url";
import { startMockServer } from "@friendli-ts/test-kit";
import type { MockServer } from "@friendli-ts/testing";

/**
 * An example that runs on the mock API: it scripts the mock's answers with
 * `mock.respond(...)`, calls the SDK against `mock.url`, prints with `log` and returns what
 * it found (the examples' test runs each `main` on one shared mock and checks both).
 */
export type MockExample<Result> = (mock: MockServer, log?: (line: string) => void) => Promise<Result>;

/**
 * Runs `main` on a mock server of its own when the file is run directly
 * (`pnpm exec tsx --conditions=source examples/<file>.ts`); does nothing when it is imported.
 */
export async function runIfMain(moduleUrl: string, main: MockExample<unknown>): Promise<void> {
  if (moduleUrl !== pathToFileURL(process.argv[1] ?? "").href) return;
  const mock = await startMockServer();
  try {
    await main(mock);
  } finally {
    await mock.stop();
  }
}
