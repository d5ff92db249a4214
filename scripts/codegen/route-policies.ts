import { readFileSync } from "node:fs";
import { join } from "node:path";
import type { StreamRule } from "../../packages/client/src/sse/stream-rule.ts";
import { repoRoot } from "../spec/paths.ts";

/**
 * What the spec does not say and a person decided, kept as data beside the pin:
 * `spec/retry-policy.json` (may an operation be sent again after the server may have acted)
 * and `spec/stream-rules.json` (how each stream ends and signals an error). Codegen writes
 * both into the route descriptors; nothing at run time reads these files.
 */
export interface RoutePolicies {
  retry: Record<string, { policy: "safe" | "unsafe"; why?: string }>;
  streams: { rules: Record<string, StreamRule>; operations: Record<string, string> };
}

export function readRoutePolicies(root = repoRoot): RoutePolicies {
  const read = (name: string) => JSON.parse(readFileSync(join(root, "spec", name), "utf8"));
  return { retry: read("retry-policy.json"), streams: read("stream-rules.json") };
}

/**
 * Operations not in the retry table are inference or a GET (codegen holds every other one
 * to it): they change nothing stored, so a repeat costs at most tokens.
 */
export function isRetrySafe(policies: RoutePolicies, operationId: string): boolean {
  return policies.retry[operationId]?.policy !== "unsafe";
}

/** The name of a stream operation's rule; a stream without one fails codegen. */
export function streamRuleName(policies: RoutePolicies, operationId: string): string {
  const name = policies.streams.operations[operationId];
  if (name === undefined || !(name in policies.streams.rules)) {
    throw new Error(`stream operation ${operationId} has no rule in spec/stream-rules.json: decide how it ends`);
  }
  return name;
}
