import cliProgress from "cli-progress";
import { escapeTerminalText } from "./escape-terminal-text.ts";

export interface ProgressBar {
  /** `value` of `total` (null when unknown), and the extra text after the bar. */
  update(value: number, total: number | null, detail: string): void;
  stop(): void;
}

/**
 * A progress bar on stderr (cli-progress) when stderr is a terminal; elsewhere nothing, so
 * that logs and pipes stay clean (the command prints its summary at the end).
 */
export function createProgressBar(label: string): ProgressBar {
  if (!process.stderr.isTTY) return { update() {}, stop() {} };
  const bar = new cliProgress.SingleBar(
    {
      stream: process.stderr,
      format: `${label} [{bar}] {percentage}% | {detail}`,
      hideCursor: true,
      clearOnComplete: false,
      etaBuffer: 20,
    },
    cliProgress.Presets.shades_classic,
  );
  let started = false;
  return {
    update(value, total, detail) {
      const knownTotal = total ?? Math.max(value, 1);
      if (!started) {
        bar.start(knownTotal, value, { detail: escapeTerminalText(detail) });
        started = true;
      } else {
        bar.setTotal(knownTotal);
        bar.update(value, { detail: escapeTerminalText(detail) });
      }
    },
    stop() {
      if (started) bar.stop();
    },
  };
}

/** `1.5 MB`, `820 kB`, `12 B`. */
export function formatBytes(bytes: number): string {
  if (bytes < 1000) return `${bytes} B`;
  const units = ["kB", "MB", "GB", "TB"];
  let value = bytes;
  let unit = -1;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit++;
  }
  return `${value.toFixed(value < 10 ? 1 : 0)} ${units[unit]}`;
}
