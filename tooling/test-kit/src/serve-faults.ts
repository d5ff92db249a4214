import { afterEach } from "vitest";
import { type FaultHandler, type FaultServer, startFaultServer } from "./start-fault-server.ts";

/**
 * For a test file: `const serve = serveFaults()` at the top, then `await serve(handler)` in
 * any test. Every server it started is stopped after each test, whatever happened.
 */
export function serveFaults(): (handler: FaultHandler) => Promise<FaultServer> {
  const servers: FaultServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.stop()));
  });
  return async (handler) => {
    const server = await startFaultServer(handler);
    servers.push(server);
    return server;
  };
}
