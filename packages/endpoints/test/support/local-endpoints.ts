import type { ServerResponse } from "node:http";
import { type FaultHandler, type FaultServer, startFaultServer } from "@friendli-ts/test-kit";
import { createFriendliEndpoints, type FriendliEndpoints, type SharedClientOptions } from "../../src/index.ts";

export function sendJson(res: ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(body));
}

/** A status answer as the API shapes it. */
export function statusBody(status: string, extra: Record<string, unknown> = {}) {
  return { status, createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z", ...extra };
}

/** A real local HTTP server and endpoints helpers pointed at it (no retries unless asked). */
export async function localEndpoints(
  handler: FaultHandler,
  options: SharedClientOptions = {},
): Promise<{ server: FaultServer; endpoints: FriendliEndpoints }> {
  const server = await startFaultServer(handler);
  const endpoints = createFriendliEndpoints({ baseURL: server.url, token: "test-token", maxRetries: 0, ...options });
  return { server, endpoints };
}
