import type { ChatChunk, CollectedChatCompletion } from "./collect-chat-completion.ts";
import { collectorHelpers } from "./collector-helpers.ts";
import { loadCollector } from "./load-collector.ts";

/**
 * The completion so far after each chunk: what a chat UI re-renders as text, reasoning and
 * tool-call arguments grow. Each snapshot is a fresh object, safe to keep.
 */
export async function* chatSnapshots(chunks: AsyncIterable<ChatChunk>): AsyncGenerator<CollectedChatCompletion> {
  const { createChatCollector } = await loadCollector(() => import("./collect-chat-completion.ts"));
  const collector = createChatCollector(collectorHelpers);
  for await (const chunk of chunks) {
    collector.add(chunk);
    yield collector.result();
  }
}
