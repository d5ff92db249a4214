import { type FaultHandler, type FaultServer, startFaultServer } from "./start-fault-server.ts";
import { stopAfterEach } from "./stop-after-each.ts";

/**
 * For a test file: `const serve = serveFaults()` at the top, then `await serve(handler)` in
 * any test. Every server it started is stopped after each test, whatever happened.
 */
export function serveFaults(): (handler: FaultHandler) => Promise<FaultServer> {
  const running = stopAfterEach();
  return async (handler) => {
    const server = await startFaultServer(handler);
    running.push(server);
    return server;
  };
}
