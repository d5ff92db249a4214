import { CommanderError } from "commander";
import { describeError, EXIT, redact, secretsOf } from "./errors.ts";
import { buildProgram } from "./program.ts";
import { Session } from "./session.ts";
import { err } from "./terminal.ts";

/** Commander's own outcomes: help and version asked for exit 0, anything else is a usage error. */
function commanderExitCode(error: CommanderError): number {
  if (error.code === "commander.helpDisplayed" || error.code === "commander.version") return EXIT.ok;
  return EXIT.usage;
}

/**
 * Runs `friendli` with these arguments (without `node` and the script) and resolves to the
 * exit code. Ctrl-C aborts the request in flight; a second Ctrl-C exits at once.
 */
export async function main(argv: readonly string[]): Promise<number> {
  const secrets = secretsOf(argv, process.env);
  const controller = new AbortController();
  let interrupted = false;
  const onSigint = () => {
    if (interrupted) process.exit(EXIT.interrupted);
    interrupted = true;
    controller.abort(new Error("interrupted"));
  };
  process.on("SIGINT", onSigint);
  // A reader that went away (`friendli chat ... | head -1`): stop quietly, as Unix tools do.
  const onStdoutError = (error: NodeJS.ErrnoException) => {
    if (error.code !== "EPIPE") throw error;
    controller.abort(new Error("stdout closed"));
    process.exit(EXIT.ok);
  };
  process.stdout.on("error", onStdoutError);

  const session = new Session(controller.signal);
  const program = buildProgram(session, {
    // The parser echoes what it could not read: `--tokne=<secret>` must not reach the screen.
    writeErr: (text) => err(redact(text.replace(/(unknown option '--[^'=\s]+)=[^']*'/g, "$1=...'"), secrets)),
  });
  try {
    await program.parseAsync([...argv], { from: "user" });
    if (interrupted) err("interrupted\n");
    return interrupted ? EXIT.interrupted : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) return commanderExitCode(error);
    if (interrupted) {
      err("interrupted\n");
      return EXIT.interrupted;
    }
    const { message, exitCode } = describeError(error);
    err(`${redact(message, secrets)}\n`);
    return exitCode;
  } finally {
    await session.close().catch(() => {});
    process.off("SIGINT", onSigint);
    process.stdout.off("error", onStdoutError);
  }
}
