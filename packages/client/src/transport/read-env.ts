/**
 * Reads an environment variable where the runtime has one (Node, Bun, Deno), and returns
 * undefined in browsers and workers, without importing any runtime module.
 */
export function readEnv(name: string): string | undefined {
  const g = globalThis as {
    process?: { env?: Record<string, string | undefined> };
    Deno?: { env?: { get(name: string): string | undefined } };
  };
  try {
    const value = g.process?.env?.[name] ?? g.Deno?.env?.get(name);
    return value?.trim() || undefined;
  } catch {
    // Deno without --allow-env throws; treat it as unset.
    return undefined;
  }
}
