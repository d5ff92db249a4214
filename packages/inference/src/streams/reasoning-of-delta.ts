/** Fields some servers add to a delta beyond the spec's chunk type. */
interface ReasoningDelta {
  reasoning_content?: string | null;
  reasoning?: string | null;
}

/** The reasoning text of a delta, under either name servers use. */
export function reasoningOfDelta(delta: object | undefined): string | undefined {
  const d = delta as ReasoningDelta | undefined;
  return d?.reasoning_content ?? d?.reasoning ?? undefined;
}
