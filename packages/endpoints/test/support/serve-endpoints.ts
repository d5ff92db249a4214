import type { ServerResponse } from "node:http";
import { type FaultHandler, type FaultServer, serveFaults } from "@friendli-ts/test-kit";
import { createFriendliEndpoints, type FriendliEndpoints, type SharedClientOptions } from "../../src/index.ts";

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/** A status answer as the API shapes it. */
export function statusBody(status: string, extra: Record<string, unknown> = {}) {
  return { status, createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z", ...extra };
}

/** A create request the endpoints helpers accept (checked before the network). */
export const createBody = {
  projectId: "p",
  name: "n",
  instanceOptionId: "i",
  hfModelRepo: "org/model",
  advanced: { tokenizer_add_special_tokens: true, tokenizer_skip_special_tokens: true },
};

/**
 * For a test file: `const serve = serveEndpoints()` at the top, then `await serve(handler)` in
 * any test: a real local HTTP server and endpoints helpers pointed at it (no retries unless
 * asked). Every server is stopped after each test, whatever happened.
 */
export function serveEndpoints(): (
  handler: FaultHandler,
  options?: SharedClientOptions,
) => Promise<{ server: FaultServer; endpoints: FriendliEndpoints }> {
  const serve = serveFaults();
  return async (handler, options = {}) => {
    const server = await serve(handler);
    const endpoints = createFriendliEndpoints({ baseURL: server.url, token: "test-token", maxRetries: 0, ...options });
    return { server, endpoints };
  };
}
