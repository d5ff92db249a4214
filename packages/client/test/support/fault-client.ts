import { type ClientOptions, createFriendliClient } from "../../src/index.ts";

/** A client for a misbehaving local server: quick backoff so retry tests stay fast. */
export function faultClient(baseURL: string, options: ClientOptions = {}) {
  return createFriendliClient({
    baseURL,
    token: "secret-token-123",
    initialDelayMs: 5,
    maxDelayMs: 50,
    logLevel: "off",
    ...options,
  });
}

export const chatBody = { model: "m", messages: [{ role: "user" as const, content: "Hi" }] };

export const json = (value: unknown) => JSON.stringify(value);

export const chunk = (content: string) =>
  `data: ${json({ id: "c", object: "chat.completion.chunk", created: 1, choices: [{ index: 0, delta: { content }, finish_reason: null }] })}\n\n`;
