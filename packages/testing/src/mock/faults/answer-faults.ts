/**
 * Time and faults of one scripted answer. Kept apart from how it is sent, so that any server
 * (the proxy in front of Prism, or a fetch function answering in process) plays it the same
 * way: see `answerSteps`.
 */
export interface AnswerFaults {
  /** Milliseconds before the status and headers are sent. */
  delayMs?: number;
  /** Milliseconds before each event of a stream. */
  eventDelayMs?: number;
  /** After this many events nothing more is sent, and the connection stays open. */
  stallAfter?: number;
  /** After this many events the connection is destroyed, mid-stream. */
  cutAfter?: number;
  /** The connection is reset before any answer: no status, no headers. */
  reset?: true;
}

const FAULT_KEYS = ["delayMs", "eventDelayMs", "stallAfter", "cutAfter", "reset"] as const;

/** The longest a scripted delay may be: long enough for any timeout test, short enough to notice a typo. */
const MAX_FAULT_DELAY_MS = 10 * 60_000;

/** What a fault did to a call, for the call log. */
export type CallFault = "reset" | "stall" | "cut";

/** The faults a reply carries, or undefined when it carries none. */
export function faultsOf(reply: Partial<Record<(typeof FAULT_KEYS)[number], unknown>>): AnswerFaults | undefined {
  const found = Object.fromEntries(FAULT_KEYS.filter((k) => reply[k] !== undefined).map((k) => [k, reply[k]]));
  return Object.keys(found).length > 0 ? (found as AnswerFaults) : undefined;
}

/** How a fault ends the call, if it does. */
export function callFault(faults: AnswerFaults | undefined): CallFault | undefined {
  if (faults?.reset) return "reset";
  if (faults?.cutAfter !== undefined) return "cut";
  if (faults?.stallAfter !== undefined) return "stall";
  return undefined;
}

/**
 * The problems with a reply's faults, as messages (none when they are fine): each a whole
 * number in range, a stall or a cut only in a stream and within its events, not both, and a
 * reset with nothing else to send.
 */
export function faultProblems(faults: AnswerFaults, events: unknown[] | undefined, hasBody: boolean): string[] {
  const problems: string[] = [];
  const count = (key: keyof AnswerFaults, max: number) => {
    const value = faults[key];
    if (value === undefined) return;
    if (!(typeof value === "number" && Number.isInteger(value) && value >= 0 && value <= max)) {
      problems.push(`\`${key}\` must be a whole number from 0 to ${max}, not ${JSON.stringify(value)}`);
    }
  };
  count("delayMs", MAX_FAULT_DELAY_MS);
  count("eventDelayMs", MAX_FAULT_DELAY_MS);
  const eventCount = events?.length ?? 0;
  for (const key of ["stallAfter", "cutAfter"] as const) {
    if (faults[key] === undefined) continue;
    if (!events) problems.push(`\`${key}\` counts events: give it with \`events\``);
    else count(key, eventCount);
  }
  if (faults.eventDelayMs !== undefined && !events) problems.push("`eventDelayMs` needs `events`");
  if (faults.stallAfter !== undefined && faults.cutAfter !== undefined) {
    problems.push("give `stallAfter` or `cutAfter`, not both");
  }
  if (faults.reset !== undefined) {
    if (faults.reset !== true) problems.push("`reset` must be `true`");
    else if (events || hasBody) problems.push("a `reset` sends nothing: give no `body` or `events` with it");
  }
  return problems;
}
