import { parseArgs } from "node:util";

export const usage = "usage: pnpm spec:update --source <spec path|url> [--keep] [--summary <file>]";

export interface SpecUpdateArgs {
  source: string;
  keep: boolean;
  summary?: string;
}

/** The command line of `pnpm spec:update`; an unknown flag or a missing `--source` throws with the usage. */
export function parseSpecUpdateArgs(argv: string[]): SpecUpdateArgs {
  let values: { source?: string; keep?: boolean; summary?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: { source: { type: "string" }, keep: { type: "boolean" }, summary: { type: "string" } },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${usage}`);
  }
  if (!values.source || values.source.startsWith("--")) throw new Error(`--source is required\n${usage}`);
  if (values.summary?.startsWith("--")) throw new Error(`--summary takes a file\n${usage}`);
  return { source: values.source, keep: values.keep ?? false, ...(values.summary ? { summary: values.summary } : {}) };
}
