import type { ScriptedReply } from "../check-reply.ts";
import type { LocalAnswer } from "../start-recording-proxy.ts";
import { faultsOf } from "./answer-faults.ts";

/** The answer a checked scripted reply makes: its status (200 by default), body or events, headers and faults. */
export function scriptedAnswer(reply: ScriptedReply): LocalAnswer {
  const faults = faultsOf(reply);
  return {
    status: reply.status ?? 200,
    headers: reply.headers ?? {},
    ...(reply.events ? { events: reply.events } : reply.body !== undefined && { json: reply.body }),
    ...(faults && { faults }),
  };
}
