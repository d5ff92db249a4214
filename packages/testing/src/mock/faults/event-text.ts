/** One event as the mock sends it: JSON data, text that is not JSON, or an error in the stream. */
export type AnswerEvent =
  | { event?: string; data: unknown }
  /** Sent as it is after `data:`, one `data:` line per line: a fault, never parsed or checked. */
  | { event?: string; rawData: string }
  /** Sent as `data: {"error": ...}`: the stream failing in the middle. */
  | { event?: string; error: unknown };

/**
 * The text of one server-sent event: `event:` when named, then its data. JSON data is sent
 * as JSON, except the `[DONE]` sentinel; raw data line by line, so a newline in it cannot
 * end the event early.
 */
export function eventText(answer: AnswerEvent): string {
  const name = answer.event === undefined ? "" : `event: ${answer.event}\n`;
  let data: string;
  if ("rawData" in answer) data = answer.rawData.split(/\r\n|\r|\n/).join("\ndata: ");
  else if ("error" in answer) data = JSON.stringify({ error: answer.error });
  else data = answer.data === "[DONE]" ? "[DONE]" : JSON.stringify(answer.data);
  return `${name}data: ${data}\n\n`;
}
