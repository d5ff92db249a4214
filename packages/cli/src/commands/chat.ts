import { createFriendliInference, type Result } from "@friendli-ts/inference";
import type { Command } from "commander";
import { UsageError } from "../errors.ts";
import { integerAtLeast } from "../parse-args.ts";
import { readStdin } from "../read-stdin.ts";
import type { Session } from "../session.ts";
import { err, out, printJsonLine, useColor } from "../terminal.ts";
import { modelHelp, pickModel } from "./model.ts";

interface ChatOptions {
  model?: string;
  system?: string;
  dedicated?: boolean;
  maxTokens?: number;
}

export function registerChat(program: Command, session: Session): void {
  program
    .command("chat")
    .description("stream a chat completion to stdout (the prompt from stdin when piped and not given)")
    .argument("[prompt]", "the user message")
    .option("-m, --model <model>", modelHelp)
    .option("-s, --system <text>", "a system message before the prompt")
    .option("--dedicated", "talk to a dedicated endpoint (--model is its id)")
    .option("--max-tokens <n>", "most tokens to generate", integerAtLeast(1))
    .addHelpText(
      "after",
      "\nThe answer goes to stdout; reasoning (from models that send it apart) goes to stderr.\n" +
        "With --json, every chunk is printed as one JSON line. Ctrl-C cancels the request (exit 130).",
    )
    .action((prompt: string | undefined, options: ChatOptions) => chat(session, prompt, options));
}

async function chat(session: Session, prompt: string | undefined, options: ChatOptions): Promise<void> {
  const text = prompt ?? (process.stdin.isTTY ? "" : await readStdin(session.signal));
  if (session.signal.aborted) return;
  if (text.trim() === "") throw new UsageError("no prompt: give one as an argument or pipe it on stdin");
  const inference = createFriendliInference(await session.clientOptions());
  const messages = [
    ...(options.system !== undefined ? [{ role: "system" as const, content: options.system }] : []),
    { role: "user" as const, content: text },
  ];
  const body = {
    model: pickModel(options.model),
    messages,
    ...(options.maxTokens !== undefined && { max_tokens: options.maxTokens }),
  };
  const stream = options.dedicated
    ? await inference.dedicated.chat.stream(body, session.call)
    : await inference.serverless.chat.stream(body, session.call);
  if (session.json) {
    for await (const chunk of stream) printJsonLine(chunk);
    return;
  }
  await printStream(stream);
}

/** The answer to stdout as it arrives; reasoning apart, dimmed, on stderr. */
async function printStream(stream: Result<"serverless.chat.stream">): Promise<void> {
  const color = useColor(process.stderr);
  let reasoning = false;
  let last = "";
  try {
    for await (const chunk of stream) {
      const thought = stream.kind.reasoningOf(chunk);
      if (thought) {
        err(thought, { dim: color });
        reasoning = true;
      }
      const piece = stream.kind.textOf(chunk);
      if (piece) {
        if (reasoning) {
          err("\n");
          reasoning = false;
        }
        out(piece);
        last = piece;
      }
    }
  } finally {
    // The answer ends its line, also when Ctrl-C or an error cut it short.
    if (reasoning) err("\n");
    if (last !== "" && !last.endsWith("\n")) out("\n");
  }
}
