import { basename } from "node:path";
import { createFriendliDatasets } from "@friendli-ts/datasets";
import type { Command } from "commander";
import { escapeTerminalText } from "../escape-terminal-text.ts";
import type { Session } from "../session.ts";
import { err, out, printJson } from "../terminal.ts";
import { openFile, pickProject } from "./datasets.ts";

export function registerFiles(program: Command, session: Session): void {
  const files = program.command("files").description("files in Friendli storage (media for datasets)");

  files
    .command("upload")
    .description("upload a file to Friendli storage; prints its file id")
    .argument("<path>", "the file")
    .option("--project <id>", "project id (default: $FRIENDLI_PROJECT_ID)")
    .option("--name <name>", "its name in storage (default: the file's name)")
    .action(async (path: string, options: { project?: string; name?: string }) => {
      const projectId = pickProject(options.project);
      const blob = await openFile(path);
      const api = createFriendliDatasets(await session.clientOptions());
      const uploaded = await api.files.upload(blob, {
        ...session.call,
        projectId,
        name: options.name ?? basename(path),
      });
      if (session.json) return printJson(uploaded);
      if (!uploaded.sentToStorage) err("the API already holds these bytes: nothing was sent\n");
      out(`${escapeTerminalText(uploaded.fileId)}\n`);
    });
}
