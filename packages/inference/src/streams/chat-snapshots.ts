import { type ChatChunk, type CollectedChatCompletion, createChatCollector } from "./collect-chat-completion.ts";

/**
 * The completion so far after each chunk: what a chat UI re-renders as text, reasoning and
 * tool-call arguments grow. Each snapshot is a fresh object, safe to keep.
 */
export async function* chatSnapshots(chunks: AsyncIterable<ChatChunk>): AsyncGenerator<CollectedChatCompletion> {
  const collector = createChatCollector();
  for await (const chunk of chunks) {
    collector.add(chunk);
    yield collector.result();
  }
}
