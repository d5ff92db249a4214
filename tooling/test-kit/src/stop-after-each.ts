import { afterEach } from "vitest";

/** Anything a test starts and must stop: a server, a local S3. */
export interface Stoppable {
  stop(): Promise<void>;
}

/**
 * For a test file: `const running = stopAfterEach()` at the top, then `running.push(server)` in
 * any test. Everything pushed is stopped after each test, whatever happened.
 */
export function stopAfterEach(): Stoppable[] {
  const running: Stoppable[] = [];
  afterEach(async () => {
    await Promise.all(running.splice(0).map((server) => server.stop()));
  });
  return running;
}
