import { CommanderError } from "commander";
import { buildProgram } from "./build-program.ts";
import { errorLine } from "./error-line.ts";
import { describeError, EXIT } from "./errors.ts";
import { redactSecrets, secretsOf } from "./redact-secrets.ts";
import { Session } from "./session.ts";
import { err } from "./terminal.ts";
import { watchClosedPipes, whenStdoutCloses } from "./watch-closed-pipes.ts";

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
  // A reader that went away (`friendli chat ... | head -1`): stop the request and end with
  // exit 0, as the reader has what it wanted. A closed stderr only stops what goes there.
  watchClosedPipes();
  let stdoutClosed = false;
  const stopWatching = whenStdoutCloses(() => {
    stdoutClosed = true;
    controller.abort(new Error("stdout closed"));
  });

  const session = new Session(controller.signal, secrets);
  const program = buildProgram(session, {
    // The parser echoes what it could not read: `--tokne=<secret>` must not reach the screen.
    writeErr: (text) => err(redactSecrets(text.replace(/(unknown option '--[^'=\s]+)=[^']*'/g, "$1=...'"), secrets)),
  });
  try {
    await program.parseAsync([...argv], { from: "user" });
    if (stdoutClosed) return EXIT.ok;
    if (interrupted) err("interrupted\n");
    return interrupted ? EXIT.interrupted : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) return commanderExitCode(error);
    if (stdoutClosed) return EXIT.ok;
    if (interrupted) {
      err("interrupted\n");
      return EXIT.interrupted;
    }
    const { message, exitCode } = describeError(error);
    err(errorLine(message, secrets));
    return exitCode;
  } finally {
    await session.close().catch(() => {});
    process.off("SIGINT", onSigint);
    stopWatching();
  }
}
