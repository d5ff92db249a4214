import type { ServerResponse } from "node:http";
import { type FaultServer, writeChunks } from "@friendli-ts/test-kit";
import { createFriendli, type FriendliProviderOptions } from "../../src/index.ts";

export const TOKEN = "flp_secret_token_for_tests";

/** One SSE event for a JSON payload. */
export function sse(data: unknown): string {
  return `data: ${typeof data === "string" ? data : JSON.stringify(data)}\n\n`;
}

/** A chat chunk with one choice. */
export function chunk(delta: Record<string, unknown>, finish: string | null = null, extra = {}): string {
  return sse({
    id: "chatcmpl-1",
    object: "chat.completion.chunk",
    created: 1,
    model: "test-model",
    choices: [{ index: 0, delta, finish_reason: finish }],
    ...extra,
  });
}

export const usageChunk = (prompt: number, completion: number) =>
  sse({
    id: "chatcmpl-1",
    object: "chat.completion.chunk",
    created: 1,
    model: "test-model",
    choices: [],
    usage: { prompt_tokens: prompt, completion_tokens: completion, total_tokens: prompt + completion },
  });

/** A whole chat completion answer. */
export function completion(message: Record<string, unknown>, finish = "stop") {
  return {
    id: "chatcmpl-x",
    object: "chat.completion",
    created: 1,
    model: "test-model",
    choices: [{ index: 0, message: { role: "assistant", ...message }, finish_reason: finish }],
    usage: { prompt_tokens: 3, completion_tokens: 4, total_tokens: 7 },
  };
}

export function json(res: ServerResponse, body: unknown, status = 200, headers: Record<string, string> = {}) {
  res.writeHead(status, { "content-type": "application/json", "x-request-id": "req-123", ...headers });
  res.end(JSON.stringify(body));
}

export async function stream(res: ServerResponse, pieces: string[], end = true) {
  res.writeHead(200, { "content-type": "text/event-stream", "x-request-id": "req-stream" });
  await writeChunks(res, pieces, 1);
  if (end) res.end();
}

/** A provider against a local server: serverless and dedicated there, no retries unless given. */
export function localProvider(server: FaultServer, options: FriendliProviderOptions = {}) {
  return createFriendli({ baseURL: server.url, token: TOKEN, maxRetries: 0, ...options });
}

/** The JSON body of the server's n-th request (1-based). */
export function sentBody(server: FaultServer, n = 1): Record<string, unknown> {
  return JSON.parse(server.requests[n - 1]?.body ?? "null");
}
