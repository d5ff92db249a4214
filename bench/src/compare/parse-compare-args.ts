export interface CompareArgs {
  /** The base to compare with; undefined: the merge base with main. */
  ref?: string;
  /** Rounds of each measured case; every tree runs each case once per round. */
  rounds: number;
  /** Calls per round of the request cases (over HTTP) and of the in-memory call cases. */
  requests: number;
  memoryCalls: number;
  /** Exit 1 when a row is a regression (by default the table marks it and the exit code stays 0). */
  failOnRegression: boolean;
  /** Also write the report (Markdown) to this file, e.g. for a pull request comment. */
  out?: string;
}

export const COMPARE_USAGE = `usage: pnpm bench:compare [ref] [--quick] [--rounds N] [--fail-on-regression] [--out FILE]
  ref                   the base to compare with (default: git merge-base HEAD main; on main itself,
                        HEAD when there are uncommitted changes, else HEAD~1)
  --quick               3 rounds and half the calls per round (about half the time)
  --rounds N            rounds of every measured case (default 5)
  --fail-on-regression  exit 1 when a row is more than 10% worse than the base (default: exit 0, rows marked)
  --out FILE            also write the report, Markdown, to FILE`;

// Fewer calls per round than pnpm bench (2,000 requests), more rounds: the builds take turns
// more often, and a whole run stays within a few minutes on 2 cores.
const DEFAULTS = { rounds: 5, requests: 1_000, memoryCalls: 5_000 };

/** Reads the command line of `pnpm bench:compare`; throws with the usage on anything it does not know. */
export function parseCompareArgs(argv: readonly string[]): CompareArgs {
  const args: CompareArgs = { ...DEFAULTS, failOnRegression: false };
  let quick = false;
  let rounds: number | undefined;
  const fail = (why: string): never => {
    throw new Error(`${why}\n${COMPARE_USAGE}`);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i] as string;
    if (arg === "--") continue; // `pnpm bench:compare -- --quick` passes it through
    if (arg === "--quick") quick = true;
    else if (arg === "--fail-on-regression") args.failOnRegression = true;
    else if (arg === "--rounds") {
      const value = argv[++i] ?? "";
      if (!/^[1-9]\d*$/.test(value)) fail(`--rounds needs a whole number of 1 or more, got "${value}"`);
      rounds = Number(value);
    } else if (arg === "--out") {
      const value = argv[++i];
      if (!value || value.startsWith("-")) fail("--out needs a file");
      args.out = value;
    } else if (arg.startsWith("-")) fail(`unknown option ${arg}`);
    else if (args.ref === undefined) args.ref = arg;
    else fail(`one ref only, got "${args.ref}" and "${arg}"`);
  }
  if (quick) {
    args.rounds = 3;
    args.requests = DEFAULTS.requests / 2;
    args.memoryCalls = DEFAULTS.memoryCalls / 2;
  }
  if (rounds !== undefined) args.rounds = rounds;
  return args;
}
