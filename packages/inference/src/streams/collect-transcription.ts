import type { StreamData } from "@friendli-ts/client";
import type { Prefix, StreamKey } from "../spec-types.ts";
import { checkTranscriptionEvent } from "./check-stream-items.ts";

/** One event of a transcription stream, of any deployment kind. */
export type TranscriptionEvent = StreamData<StreamKey<`${Prefix}/v1/audio/transcriptions#stream`>>;

export interface CollectedTranscription {
  text: string;
  usage: TranscriptionEvent["usage"] | null;
}

/** The transcript: the `done` event's text when sent, else the deltas joined. */
export async function collectTranscription(events: AsyncIterable<TranscriptionEvent>): Promise<CollectedTranscription> {
  let joined = "";
  let done: string | undefined;
  let usage: CollectedTranscription["usage"] = null;
  for await (const event of events) {
    checkTranscriptionEvent(event);
    if (event.type === "transcript.text.delta") joined += event.delta ?? "";
    if (event.type === "transcript.text.done") {
      if (typeof event.text === "string") done = event.text;
      if (event.usage) usage = event.usage;
    }
  }
  return { text: done ?? joined, usage };
}
