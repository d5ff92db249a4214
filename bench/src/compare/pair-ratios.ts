/** What the rounds of one case say about new/base. */
export interface RatioSummary {
  /** The mean of the middle half of the rounds' ratios: neither a burst of other work on a few rounds nor the one round in the middle decides it. */
  ratio: number;
  /**
   * Half the width of the middle half of the rounds' ratios (quartile to quartile), as a
   * fraction of the ratio: a row that moved less than this cannot be told from the machine.
   */
  spread: number;
  /** How many rounds gave a ratio. */
  rounds: number;
}

/** The value at `fraction` of the sorted values, read between neighbours. */
function quantile(sorted: readonly number[], fraction: number): number {
  const at = (sorted.length - 1) * fraction;
  const low = Math.floor(at);
  const high = Math.ceil(at);
  const lowValue = sorted[low] as number;
  return lowValue + ((sorted[high] as number) - lowValue) * (at - low);
}

/**
 * One ratio per round (the two builds ran that round back to back, so they shared the
 * machine's load): the mean of the middle half of them (the quarter lowest and the quarter
 * highest dropped), and how far apart that middle half lay.
 */
export function summarizeRatios(ratios: readonly number[]): RatioSummary | undefined {
  if (ratios.length === 0) return undefined;
  const sorted = [...ratios].sort((a, b) => a - b);
  const drop = Math.floor(sorted.length / 4);
  const middle = sorted.slice(drop, sorted.length - drop);
  const ratio = middle.reduce((sum, value) => sum + value, 0) / middle.length;
  const spread = (quantile(sorted, 0.75) - quantile(sorted, 0.25)) / 2 / ratio;
  return { ratio, spread, rounds: ratios.length };
}
