import type { Schemas } from "../spec-types.ts";
import type { checkToolAssistedEvent } from "./check-stream-items.ts";
import { type CollectedChatCompletion, createChatCollector } from "./collect-chat-completion.ts";
import type { CollectorHelpers } from "./collector-helpers.ts";

/** One tool-assisted chat event: a `token` chunk of the answer or a `tool_status` update. */
export type ToolAssistedChatEvent = Schemas["StreamedToolAssistedChatEvent"];
export type ToolStatus = Schemas["ToolStatusData"];

export interface CollectedToolAssistedChat extends CollectedChatCompletion {
  /** Every status update of the built-in tools the server ran, in order. */
  toolStatuses: ToolStatus[];
}

/** The answer from the `token` events, with the tool status updates beside it. */
export async function collectToolAssistedChat(
  events: AsyncIterable<ToolAssistedChatEvent>,
  helpers: CollectorHelpers & { checkToolAssistedEvent: typeof checkToolAssistedEvent },
): Promise<CollectedToolAssistedChat> {
  const chat = createChatCollector(helpers);
  const toolStatuses: ToolStatus[] = [];
  for await (const event of events) {
    helpers.checkToolAssistedEvent(event);
    if (event.event === "tool_status") toolStatuses.push(event.data);
    else chat.add(event.data);
  }
  return { ...chat.result(), toolStatuses };
}
