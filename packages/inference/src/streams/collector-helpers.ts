import { checkChatChunk } from "./check-stream-items.ts";
import { reasoningOfDelta } from "./reasoning-of-delta.ts";

/**
 * What the chat collectors (loaded on first use with `import()`: see loadCollector)
 * take from the code an app loads at start: the chunk check and the reasoning reader. They
 * get it as an argument and import none of it: a bundler puts a module both load in a chunk
 * of its own, and the app's start would be cut in two.
 */
export const collectorHelpers = { checkChatChunk, reasoningOfDelta };
export type CollectorHelpers = typeof collectorHelpers;
