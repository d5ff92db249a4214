import { createFriendliClient } from "@friendli-ts/client";
import { createFriendliInference } from "@friendli-ts/inference";
import OpenAI from "openai";

// Case 2c: the client's own time per call, without a network: every client gets a `fetch`
// that answers at once with the same chat completion held in memory. What is left is each
// SDK's work (options, headers, body, abort and timeout, reading and parsing the answer).

const answer = new TextEncoder().encode(
  JSON.stringify({
    id: "chatcmpl-bench",
    object: "chat.completion",
    created: 1_700_000_000,
    model: "bench-model",
    choices: [{ index: 0, message: { role: "assistant", content: "Paperclips." }, finish_reason: "stop" }],
    usage: { prompt_tokens: 12, completion_tokens: 3, total_tokens: 15 },
  }),
);
const headers = { "content-type": "application/json", "content-length": String(answer.byteLength) };
const body = {
  model: "bench-model",
  messages: [{ role: "user" as const, content: "Name three uses of a paperclip." }],
};

/** A fetch that never leaves the process; a request without a body is a bench bug, not an answer. */
async function inMemoryFetch(_input: unknown, init?: RequestInit): Promise<Response> {
  if (typeof init?.body !== "string") throw new Error("in-memory fetch: the request has no JSON body");
  return new Response(answer, { status: 200, headers });
}

/** µs per call over `total` sequential calls. */
async function microsPerCall(call: () => Promise<string | null | undefined>, total: number): Promise<number> {
  const start = performance.now();
  for (let i = 0; i < total; i++) {
    if ((await call()) !== "Paperclips.") throw new Error("in-memory fetch: unexpected answer");
  }
  return ((performance.now() - start) / total) * 1000;
}

export function requestOverheadCases(total: number): Record<string, () => Promise<number>> {
  const options = {
    baseURL: "http://127.0.0.1:9",
    token: "bench",
    maxRetries: 0,
    fetch: inMemoryFetch as typeof fetch,
  };
  const client = createFriendliClient(options);
  const inference = createFriendliInference(options);
  const openai = new OpenAI({
    apiKey: "bench",
    baseURL: "http://127.0.0.1:9/serverless/v1",
    maxRetries: 0,
    fetch: inMemoryFetch,
  });
  const calls = {
    request_memory_us: async () =>
      (await client.POST("/serverless/v1/chat/completions", { body })).data.choices[0]?.message.content,
    request_memory_us_inference: async () =>
      (await inference.serverless.chat.complete(body)).choices[0]?.message.content,
    request_memory_us_openai: async () => (await openai.chat.completions.create(body)).choices[0]?.message.content,
    // The floor: the same fetch, its answer read and parsed, nothing else.
    request_memory_us_fetch: async () => {
      const response = await inMemoryFetch("", { method: "POST", body: JSON.stringify(body) });
      return JSON.parse(await response.text()).choices[0]?.message.content;
    },
  };
  return Object.fromEntries(Object.entries(calls).map(([name, call]) => [name, () => microsPerCall(call, total)]));
}
