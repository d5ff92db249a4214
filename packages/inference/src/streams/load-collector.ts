import { FriendliError } from "@friendli-ts/client";

/**
 * A collector's module, imported on first use (`finalResult()`, `chatSnapshots`): most
 * streaming apps read text deltas and never collect. Each collector is its own `import()`,
 * so an app bundled as one file keeps only the collectors it can reach. A module that
 * cannot be loaded (a chunk the network lost, in a browser) is a FriendliError like any
 * other failure. What a collector needs from the start comes in `CollectorHelpers`.
 */
export async function loadCollector<Module>(load: () => Promise<Module>): Promise<Module> {
  try {
    return await load();
  } catch (cause) {
    throw new FriendliError("the stream's collector could not be loaded", { cause });
  }
}
