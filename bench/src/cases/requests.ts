import * as friendliClient from "@friendli-ts/client";
import { createFriendliInference } from "@friendli-ts/inference";
import OpenAI from "openai";
import type { BenchServer } from "../start-server.ts";

const body = {
  model: "bench-model",
  messages: [{ role: "user" as const, content: "Name three uses of a paperclip." }],
};
const expected = "Paperclips hold paper, reset phones and pick simple locks.";

/** Runs `total` calls of `call`, `concurrency` at a time; requests per second. */
async function requestsPerSecond(call: () => Promise<string | null | undefined>, total: number, concurrency: number) {
  let next = 0;
  const worker = async () => {
    while (next < total) {
      next++;
      const content = await call();
      if (content !== expected) throw new Error(`unexpected answer: ${content}`);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: concurrency }, worker));
  return total / ((performance.now() - start) / 1000);
}

/** Case 2: a non-stream chat call, by each client (the openapi-fetch one too), at concurrency 1 and 64; each run gives requests/s. */
export function requestCases(server: BenchServer, total: number): Record<string, () => Promise<number>> {
  const options = { baseURL: server.url, token: "bench", maxRetries: 0 };
  const client = friendliClient.createFriendliClient(options);
  // Made at its first call: a build from before the openapi-fetch adapter (bench:compare
  // against an old ref) then loses this one row, not the whole case.
  let fetchClient: ReturnType<typeof friendliClient.createFriendliFetchClient> | undefined;
  const inference = createFriendliInference(options);
  const openai = new OpenAI({ apiKey: "bench", baseURL: `${server.url}/serverless/v1`, maxRetries: 0 });
  const url = `${server.url}/serverless/v1/chat/completions`;

  const calls = {
    "": async () => {
      const { data } = await client.POST("/serverless/v1/chat/completions", { body });
      return data.choices[0]?.message.content;
    },
    // openapi-fetch's createClient over the same transport: its Request, then ours.
    _fetch_client: async () => {
      fetchClient ??= friendliClient.createFriendliFetchClient(options);
      const { data, error } = await fetchClient.POST("/serverless/v1/chat/completions", { body });
      if (error !== undefined) throw new Error(`fetch client: ${JSON.stringify(error)}`);
      return data?.choices[0]?.message.content;
    },
    _inference: async () => (await inference.serverless.chat.complete(body)).choices[0]?.message.content,
    _fetch: async () => {
      const res = await fetch(url, {
        method: "POST",
        headers: { authorization: "Bearer bench", "content-type": "application/json" },
        body: JSON.stringify(body),
      });
      if (!res.ok) throw new Error(`raw fetch: HTTP ${res.status}`);
      return JSON.parse(await res.text()).choices[0]?.message.content;
    },
    _openai: async () => (await openai.chat.completions.create(body)).choices[0]?.message.content,
  };

  const cases: Record<string, () => Promise<number>> = {};
  for (const concurrency of [1, 64]) {
    for (const [suffix, call] of Object.entries(calls)) {
      cases[`request_rps_c${concurrency}${suffix}`] = () => requestsPerSecond(call, total, concurrency);
    }
  }
  return cases;
}
