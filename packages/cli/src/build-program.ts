import { Command } from "commander";
import { registerChat } from "./commands/chat.ts";
import { registerCost } from "./commands/cost.ts";
import { registerDatasets } from "./commands/datasets.ts";
import { registerEndpoints } from "./commands/endpoints.ts";
import { registerFiles } from "./commands/files.ts";
import { registerMock } from "./commands/mock.ts";
import { registerTokenize } from "./commands/tokenize.ts";
import { registerUsage } from "./commands/usage.ts";
import { packageVersion } from "./package-version.ts";
import { integerAtLeast } from "./parse-args.ts";
import type { Session } from "./session.ts";
import { out } from "./terminal.ts";

export interface ProgramOutput {
  /** Where usage errors go (the caller removes the token from them). */
  writeErr(text: string): void;
}

/** The `friendli` command line: global options and every command, not parsed yet. */
export function buildProgram(session: Session, output: ProgramOutput): Command {
  const program = new Command("friendli")
    .description(
      "The Friendli Suite API from the command line: chat, tokens, dedicated endpoints, cost and usage, datasets and files.",
    )
    .version(packageVersion(), "-V, --version", "print the version")
    .helpOption("-h, --help", "show help")
    .option("--token <token>", "API token (default: $FRIENDLI_TOKEN); never printed")
    .option("--team <id>", "team to act as, sent as X-Friendli-Team (default: $FRIENDLI_TEAM)")
    .option("--base-url <url>", "API base URL (default: $FRIENDLI_BASE_URL or https://api.friendli.ai)")
    .option("--mock", "start a local mock of the API (needs @stoplight/prism-cli) and talk to it")
    .option("--json", "machine-readable JSON on stdout")
    .option("--max-retries <n>", "retries of a failed request (default: 2)", integerAtLeast(0))
    .option("--request-timeout <ms>", "time limit of each request in ms (default: 60000; 0: none)", integerAtLeast(0))
    .option("--verbose", "log retries on stderr (FRIENDLI_LOG=debug logs every request)")
    // Settings copied into every command added below.
    .exitOverride()
    .configureOutput({ writeOut: out, writeErr: output.writeErr })
    .configureHelp({ showGlobalOptions: true, sortSubcommands: false })
    .showSuggestionAfterError(true)
    .addHelpText(
      "after",
      `
Exit codes: 0 done, 1 API or connection error, 2 bad arguments, 130 interrupted (Ctrl-C).

Examples:
  $ friendli chat "Name three uses of a paperclip"
  $ echo "Summarise this" | friendli chat --model meta-llama-3.1-8b-instruct
  $ friendli endpoints wait <endpoint-id> --until RUNNING
  $ friendli cost --from 2026-01-01 --to 2026-02-01
  $ friendli --mock chat hi`,
    );
  session.attach(program);
  registerChat(program, session);
  registerTokenize(program, session);
  registerEndpoints(program, session);
  registerCost(program, session);
  registerUsage(program, session);
  registerDatasets(program, session);
  registerFiles(program, session);
  registerMock(program, session);
  return program;
}
