import { JSON_TYPE, type SpecOperation } from "../../spec-check/spec-index.ts";

/**
 * A copy of the spec's first JSON example for an operation's answer, or undefined. The state
 * takes from it the fields a request does not give (a creator id, replica counts), so what it
 * makes up is what the spec shows, as Prism's own answers are.
 */
export function specExample(op: SpecOperation, status = "200"): Record<string, unknown> | undefined {
  const media = op.responses[status]?.content?.[JSON_TYPE];
  const first = media?.examples ? Object.values(media.examples)[0]?.value : media?.example;
  return typeof first === "object" && first !== null && !Array.isArray(first)
    ? (structuredClone(first) as Record<string, unknown>)
    : undefined;
}
