import { parseArgs } from "node:util";

export const usage =
  "usage: pnpm spec:update --source <spec path|url> [--keep] [--summary <file>] [--typecheck all|hit|none]";

/**
 * Which packages are type-checked against the new spec: all (the default, as the weekly
 * job does), only the wrappers whose methods the change hits (quicker, for a try), or none
 * (the pull request's CI still checks them all).
 */
export type TypecheckScope = "all" | "hit" | "none";
const scopes: readonly TypecheckScope[] = ["all", "hit", "none"];

export interface SpecUpdateArgs {
  source: string;
  keep: boolean;
  summary?: string;
  typecheck: TypecheckScope;
}

/** The command line of `pnpm spec:update`; an unknown flag or a missing `--source` throws with the usage. */
export function parseSpecUpdateArgs(argv: string[]): SpecUpdateArgs {
  let values: { source?: string; keep?: boolean; summary?: string; typecheck?: string };
  try {
    ({ values } = parseArgs({
      args: argv,
      options: {
        source: { type: "string" },
        keep: { type: "boolean" },
        summary: { type: "string" },
        typecheck: { type: "string" },
      },
      strict: true,
      allowPositionals: false,
    }));
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${usage}`);
  }
  if (!values.source || values.source.startsWith("--")) throw new Error(`--source is required\n${usage}`);
  if (values.summary?.startsWith("--")) throw new Error(`--summary takes a file\n${usage}`);
  const typecheck = (values.typecheck ?? "all") as TypecheckScope;
  if (!scopes.includes(typecheck)) throw new Error(`--typecheck takes all, hit or none\n${usage}`);
  return {
    source: values.source,
    keep: values.keep ?? false,
    ...(values.summary ? { summary: values.summary } : {}),
    typecheck,
  };
}
