/** One signal that aborts when any of the given ones does (AbortSignal.any where it exists). */
export function combineSignals(signals: (AbortSignal | undefined | null)[]): AbortSignal {
  const present = signals.filter((s): s is AbortSignal => s != null);
  if (typeof AbortSignal.any === "function") return AbortSignal.any(present);
  const controller = new AbortController();
  for (const signal of present) {
    if (signal.aborted) {
      controller.abort(signal.reason);
      break;
    }
    signal.addEventListener("abort", () => controller.abort(signal.reason), { once: true });
  }
  return controller.signal;
}
