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
  /** This tree against itself (no base built): every row's ratio is then the machine's noise. */
  same: boolean;
  /** Run the mock server's rows (slow: a process per start); --quick leaves them out. */
  mock: boolean;
}

export const COMPARE_USAGE = `usage: pnpm bench:compare [ref | --same] [--quick] [--rounds N] [--fail-on-regression] [--out FILE]
  ref                   the base to compare with (default: git merge-base HEAD main; on main itself,
                        HEAD when there are uncommitted changes, else HEAD~1)
  --same                this tree against itself, nothing else built: how far this machine alone moves each row
  --quick               half the rounds, and no mock server rows (about half the time)
  --rounds N            rounds of every measured case (default 12)
  --fail-on-regression  exit 1 when a row is more than 10% worse than the base (default: exit 0, rows marked)
  --out FILE            also write the report, Markdown, to FILE`;

// Short runs (a fifth of pnpm bench's 2,000 requests) and many rounds: the builds take turns
// often, each round's ratio compares two runs a second or less apart, and the median of a
// dozen ratios is not moved by the few rounds a burst of other work landed on. A whole run
// stays within a few minutes on 2 cores.
const DEFAULTS = { rounds: 16, requests: 200, memoryCalls: 1_000 };

/**
 * The mock server's rows: each start run spawns a process (seconds), so fewer rounds and
 * requests than the others; Prism alone, the same in both builds, says the noise.
 */
export const MOCK_COMPARE = { rounds: 4, warmups: 1, requests: 100 };

/** Rounds run first and not kept, every case, both builds: the JIT's tiers, connections, caches. */
export const WARMUP_ROUNDS = 2;

/** Reads the command line of `pnpm bench:compare`; throws with the usage on anything it does not know. */
export function parseCompareArgs(argv: readonly string[]): CompareArgs {
  const args: CompareArgs = { ...DEFAULTS, failOnRegression: false, same: false, mock: true };
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
    else if (arg === "--same") args.same = true;
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
    args.rounds = DEFAULTS.rounds / 2;
    args.mock = false;
  }
  if (args.same && args.ref !== undefined) fail(`--same compares this tree with itself: no ref, got "${args.ref}"`);
  if (rounds !== undefined) args.rounds = rounds;
  return args;
}
