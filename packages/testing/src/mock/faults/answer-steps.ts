import type { AnswerFaults } from "./answer-faults.ts";
import { type AnswerEvent, eventText } from "./event-text.ts";

/** One thing a server does while answering; a server plays the steps in order. */
export type AnswerStep =
  | { kind: "wait"; ms: number }
  | { kind: "reset" }
  | { kind: "head"; status: number; headers: Record<string, string> }
  | { kind: "write"; chunk: string | Uint8Array }
  /** Sends nothing more and keeps the connection open until the client leaves. */
  | { kind: "stall" }
  /** Destroys the connection after what was written so far. */
  | { kind: "cut" }
  | { kind: "end" };

export interface StepsInput {
  status: number;
  /** The headers to send, content type included. */
  headers: Record<string, string>;
  /** The whole body, for an answer that is not a stream. */
  body?: string | Uint8Array;
  /** The events, for a stream: sent one by one. */
  events?: AnswerEvent[];
  faults?: AnswerFaults;
}

/**
 * The steps of an answer with time and faults in it: a function of the answer alone, with no
 * socket in sight, so each kind of server only has to play them.
 */
export function answerSteps({ status, headers, body, events, faults = {} }: StepsInput): AnswerStep[] {
  const steps: AnswerStep[] = [];
  if (faults.delayMs) steps.push({ kind: "wait", ms: faults.delayMs });
  if (faults.reset) {
    steps.push({ kind: "reset" });
    return steps;
  }
  if (!events) {
    steps.push({ kind: "head", status, headers }, { kind: "write", chunk: body ?? "" }, { kind: "end" });
    return steps;
  }
  // A stream is sent in pieces, so it has no length up front.
  const { "content-length": _length, ...streamHeaders } = headers;
  steps.push({ kind: "head", status, headers: streamHeaders });
  for (const [i, event] of events.entries()) {
    if (i === faults.stallAfter) return [...steps, { kind: "stall" }];
    if (i === faults.cutAfter) return [...steps, { kind: "cut" }];
    if (faults.eventDelayMs) steps.push({ kind: "wait", ms: faults.eventDelayMs });
    steps.push({ kind: "write", chunk: eventText(event) });
  }
  if (faults.stallAfter === events.length) return [...steps, { kind: "stall" }];
  if (faults.cutAfter === events.length) return [...steps, { kind: "cut" }];
  steps.push({ kind: "end" });
  return steps;
}
