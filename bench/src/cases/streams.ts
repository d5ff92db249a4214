import { createFriendliClient } from "@friendli-ts/client";
import { createFriendliInference } from "@friendli-ts/inference";
import OpenAI from "openai";
import type { BenchServer } from "../start-server.ts";

const body = { model: "bench-model", messages: [{ role: "user" as const, content: "Tell me a long story." }] };

/** What a reader saw: how many text deltas, and their total length. */
interface Seen {
  deltas: number;
  chars: number;
}

/** Raw floor: fetch, a reader, TextDecoder, split on "\n\n", JSON.parse. */
async function rawStream(url: string): Promise<Seen> {
  const res = await fetch(`${url}/serverless/v1/chat/completions`, {
    method: "POST",
    headers: { authorization: "Bearer bench", "content-type": "application/json", accept: "text/event-stream" },
    body: JSON.stringify({ ...body, stream: true }),
  });
  if (!res.ok || !res.body) throw new Error(`raw stream: HTTP ${res.status}`);
  const reader = res.body.getReader();
  const decoder = new TextDecoder();
  const seen = { deltas: 0, chars: 0 };
  let buffer = "";
  for (;;) {
    const { value, done } = await reader.read();
    if (done) break;
    buffer += decoder.decode(value, { stream: true });
    let start = 0;
    for (let end = buffer.indexOf("\n\n"); end >= 0; end = buffer.indexOf("\n\n", start)) {
      const event = buffer.slice(start, end);
      start = end + 2;
      if (!event.startsWith("data: ")) continue;
      const data = event.slice(6);
      if (data === "[DONE]") continue;
      const text = JSON.parse(data).choices[0]?.delta?.content;
      if (text) {
        seen.deltas++;
        seen.chars += text.length;
      }
    }
    buffer = buffer.slice(start);
  }
  return seen;
}

/** The cost of the transport alone: fetch and a reader, bytes counted, nothing parsed. */
async function drainStream(url: string): Promise<number> {
  const res = await fetch(`${url}/serverless/v1/chat/completions`, {
    method: "POST",
    headers: { authorization: "Bearer bench", "content-type": "application/json" },
    body: JSON.stringify({ ...body, stream: true }),
  });
  if (!res.body) throw new Error("drain: no body");
  let bytes = 0;
  for await (const chunk of res.body) bytes += chunk.byteLength;
  return bytes;
}

/** The four readers of case 1, each returning the wall time (ms) to read the whole stream. */
export function streamCases(server: BenchServer): Record<string, () => Promise<number>> {
  const options = { baseURL: server.url, token: "bench", maxRetries: 0 };
  const inference = createFriendliInference(options);
  const client = createFriendliClient(options);
  const openai = new OpenAI({ apiKey: "bench", baseURL: `${server.url}/serverless/v1`, maxRetries: 0 });

  const check = (who: string, seen: Seen) => {
    if (seen.deltas !== server.sseChunks || seen.chars !== server.sseTextLength) {
      throw new Error(
        `${who} read ${seen.deltas} deltas / ${seen.chars} chars, expected ${server.sseChunks} / ${server.sseTextLength}`,
      );
    }
  };
  const timed = (who: string, read: () => Promise<Seen>) => async () => {
    const start = performance.now();
    const seen = await read();
    const ms = performance.now() - start;
    check(who, seen);
    return ms;
  };

  return {
    stream_ms: timed("inference textDeltas()", async () => {
      const seen = { deltas: 0, chars: 0 };
      const stream = await inference.serverless.chat.stream(body);
      for await (const text of stream.textDeltas()) {
        seen.deltas++;
        seen.chars += text.length;
      }
      return seen;
    }),
    stream_client_ms: timed("client.stream", async () => {
      const seen = { deltas: 0, chars: 0 };
      const stream = await client.stream("/serverless/v1/chat/completions#stream", { body });
      for await (const { data } of stream) {
        const text = data.choices[0]?.delta.content;
        if (text) {
          seen.deltas++;
          seen.chars += text.length;
        }
      }
      return seen;
    }),
    stream_openai_ms: timed("openai-node", async () => {
      const seen = { deltas: 0, chars: 0 };
      const stream = await openai.chat.completions.create({ ...body, stream: true });
      for await (const chunk of stream) {
        const text = chunk.choices[0]?.delta?.content;
        if (text) {
          seen.deltas++;
          seen.chars += text.length;
        }
      }
      return seen;
    }),
    stream_raw_ms: timed("raw fetch", () => rawStream(server.url)),
    stream_drain_ms: async () => {
      const start = performance.now();
      const bytes = await drainStream(server.url);
      const ms = performance.now() - start;
      if (bytes !== server.sseBytes) throw new Error(`drain read ${bytes} bytes, expected ${server.sseBytes}`);
      return ms;
    },
  };
}
