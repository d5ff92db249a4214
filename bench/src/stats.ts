export function median(values: readonly number[]): number {
  if (values.length === 0) throw new Error("median of no values");
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

const gc = (globalThis as { gc?: () => void }).gc;

export interface RoundRobinOptions {
  /** Untimed runs of each case first (JIT, connections, caches). */
  warmups: number;
  rounds: number;
  /** Called before each timed run, e.g. to print progress. */
  onRun?: (name: string, round: number) => void;
}

/**
 * Runs every case `warmups` times, then `rounds` rounds of one run each, the cases in turn
 * (each round starts one case later, so no case is always first after a GC or always
 * last). Each run returns its own measure (ms, requests per second, ...).
 */
export async function roundRobin<Name extends string>(
  cases: Record<Name, () => Promise<number>>,
  { warmups, rounds, onRun }: RoundRobinOptions,
): Promise<Record<Name, number[]>> {
  const names = Object.keys(cases) as Name[];
  const samples = Object.fromEntries(names.map((name) => [name, [] as number[]])) as Record<Name, number[]>;
  for (let i = 0; i < warmups; i++) for (const name of names) await cases[name]();
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < names.length; k++) {
      const name = names[(round + k) % names.length] as Name;
      gc?.();
      onRun?.(name, round);
      samples[name].push(await cases[name]());
    }
  }
  return samples;
}
