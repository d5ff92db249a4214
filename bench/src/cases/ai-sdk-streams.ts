import { createFriendli as createFriendliAiSdk } from "@friendli-ts/ai-sdk";
import { createFriendliClient } from "@friendli-ts/client";
import { createFriendli as createFriendliAiProvider } from "@friendliai/ai-provider";
import { streamText } from "ai";
import type { BenchServer } from "../start-server.ts";

const prompt = "Tell me a long story.";
const body = { model: "bench-model", messages: [{ role: "user" as const, content: prompt }] };

/**
 * A streamed chat through the AI SDK's `streamText`, with this package's provider and with
 * `@friendliai/ai-provider`, next to `client.stream` reading the same body: what the AI SDK
 * layer costs, and what each provider adds to it. Each returns the wall time (ms).
 */
export function aiSdkStreamCases(server: BenchServer): Record<string, () => Promise<number>> {
  const ours = createFriendliAiSdk({ baseURL: server.url, token: "bench", maxRetries: 0 });
  // Given a base URL, it sends to `${baseURL}/chat/completions`.
  const theirs = createFriendliAiProvider({ apiKey: "bench", baseURL: `${server.url}/serverless/v1` });
  const client = createFriendliClient({ baseURL: server.url, token: "bench", maxRetries: 0 });

  const check = (who: string, chars: number) => {
    if (chars !== server.sseTextLength) throw new Error(`${who} read ${chars} chars, expected ${server.sseTextLength}`);
  };
  const timed = (who: string, read: () => Promise<number>) => async () => {
    const start = performance.now();
    const chars = await read();
    const ms = performance.now() - start;
    check(who, chars);
    return ms;
  };
  const readStreamText = async (model: Parameters<typeof streamText>[0]["model"]) => {
    let chars = 0;
    const result = streamText({ model, prompt, maxRetries: 0 });
    for await (const text of result.textStream) chars += text.length;
    return chars;
  };

  return {
    stream_ai_sdk_ms: timed("@friendli-ts/ai-sdk streamText", () => readStreamText(ours("bench-model"))),
    stream_ai_sdk_friendliai_ms: timed("@friendliai/ai-provider streamText", () =>
      readStreamText(theirs("bench-model")),
    ),
    stream_ai_sdk_client_ms: timed("client.stream", async () => {
      let chars = 0;
      const stream = await client.stream("/serverless/v1/chat/completions#stream", { body });
      for await (const { data } of stream) chars += data.choices[0]?.delta.content?.length ?? 0;
      return chars;
    }),
  };
}
