import { DONE } from "./decode-event.ts";
import type { SseMessage } from "./read-sse-batches.ts";

/**
 * How each stream family says it is finished, so a connection cut between two events is
 * an error rather than a short answer. A path with no rule accepts any clean end.
 */
const RULES: [RegExp, (last: SseMessage) => boolean][] = [
  // OpenAI-style chat and completions streams close with `data: [DONE]`.
  [/\/(chat\/)?completions$/, (last) => last.data === DONE],
  [/\/responses$/, (last) => /"type"\s*:\s*"response\.(completed|failed|incomplete)"/.test(last.data)],
  [/\/messages$/, (last) => last.event === "message_stop" || /"type"\s*:\s*"message_stop"/.test(last.data)],
];

export type StreamEndRule = (last: SseMessage | undefined) => boolean;

export function streamEndRuleFor(pathname: string): StreamEndRule {
  const rule = RULES.find(([pattern]) => pattern.test(pathname))?.[1];
  return rule ? (last) => last !== undefined && rule(last) : () => true;
}
