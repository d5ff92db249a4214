import { createFriendliInference } from "@friendli-ts/inference";
import type { Command } from "commander";
import { UsageError } from "../errors.ts";
import { escapeTerminalText } from "../escape-terminal-text.ts";
import { parseTokenIds } from "../parse-args.ts";
import { readStdin } from "../read-stdin.ts";
import type { Session } from "../session.ts";
import { out, printJson } from "../terminal.ts";
import { modelHelp, pickModel } from "./model.ts";

interface TokenOptions {
  model?: string;
  dedicated?: boolean;
}

export function registerTokenize(program: Command, session: Session): void {
  program
    .command("tokenize")
    .description("print the token ids of a text, space-separated (`-` reads the text from stdin)")
    .argument("<text>", "the text to tokenize, or - for stdin")
    .option("-m, --model <model>", modelHelp)
    .option("--dedicated", "use a dedicated endpoint's tokenizer (--model is its id)")
    .action((text: string, options: TokenOptions) => tokenize(session, text, options));

  program
    .command("detokenize")
    .description("print the text of token ids")
    .argument("<ids...>", "token ids: 1 2 3, or 1,2,3")
    .option("-m, --model <model>", modelHelp)
    .option("--dedicated", "use a dedicated endpoint's tokenizer (--model is its id)")
    .action((ids: string[], options: TokenOptions) => detokenize(session, ids, options));
}

async function tokenize(session: Session, given: string, options: TokenOptions): Promise<void> {
  const text = given === "-" ? await readStdin(session.signal) : given;
  if (text === "") throw new UsageError("nothing to tokenize: the text is empty");
  const { token } = pickApi(createFriendliInference(await session.clientOptions()), options);
  const result = await token.tokenize({ model: pickModel(options.model), prompt: text }, session.call);
  if (session.json) printJson(result);
  else out(`${escapeTerminalText((result.tokens ?? []).join(" "))}\n`);
}

async function detokenize(session: Session, ids: string[], options: TokenOptions): Promise<void> {
  const tokens = parseTokenIds(ids);
  const { token } = pickApi(createFriendliInference(await session.clientOptions()), options);
  const result = await token.detokenize({ model: pickModel(options.model), tokens }, session.call);
  if (session.json) printJson(result);
  else out(`${result.text ?? ""}\n`);
}

function pickApi(inference: ReturnType<typeof createFriendliInference>, options: TokenOptions) {
  return options.dedicated ? inference.dedicated : inference.serverless;
}
