import { openAsBlob } from "node:fs";
import { stat } from "node:fs/promises";
import { createFriendliDatasets, type ModalityType, type UploadProgress } from "@friendli-ts/datasets";
import type { Command } from "commander";
import { UsageError } from "../errors.ts";
import { escapeTerminalText } from "../escape-terminal-text.ts";
import { formatTable } from "../format-table.ts";
import { integerAtLeast, parseChoices } from "../parse-args.ts";
import { createProgressBar, formatBytes } from "../progress-bar.ts";
import type { Session } from "../session.ts";
import { err, out, printJson } from "../terminal.ts";

const MODALITIES: readonly ModalityType[] = ["TEXT", "IMAGE", "AUDIO", "VIDEO"];
const projectHelp = "project id (default: $FRIENDLI_PROJECT_ID)";

/** `--project`, else FRIENDLI_PROJECT_ID; a usage error without either. */
export function pickProject(given: string | undefined): string {
  const project = given ?? process.env.FRIENDLI_PROJECT_ID;
  if (!project) throw new UsageError("no project: pass --project or set FRIENDLI_PROJECT_ID");
  return project;
}

interface UploadOptions {
  dataset: string;
  project?: string;
  split: string;
  batchSize?: number;
  resumeFrom?: number;
}

export function registerDatasets(program: Command, session: Session): void {
  const datasets = program.command("datasets").description("fine-tuning datasets: create, list, upload samples");
  const open = async () => createFriendliDatasets(await session.clientOptions());

  datasets
    .command("create")
    .description("create a dataset with a `train` split; prints its id")
    .requiredOption("--name <name>", "the dataset's name")
    .option("--project <id>", projectHelp)
    .option("--modality <types>", `input modalities, comma-separated: ${MODALITIES.join(", ")}`, "TEXT")
    .action(async (options: { name: string; project?: string; modality: string }) => {
      const projectId = pickProject(options.project);
      const inputs = parseChoices("--modality", options.modality, MODALITIES);
      const handle = await (await open()).datasets.open({
        ...session.call,
        projectId,
        name: options.name,
        modality: inputs,
      });
      if (session.json) return printJson({ ...handle.info, created: handle.created });
      if (!handle.created) err(`a dataset named ${JSON.stringify(options.name)} already exists; using it\n`);
      out(`${escapeTerminalText(handle.id)}\n`);
    });

  datasets
    .command("list")
    .description("the project's datasets")
    .option("--project <id>", projectHelp)
    .option("--name <text>", "only datasets whose name contains this")
    .action(async (options: { project?: string; name?: string }) => {
      const query = {
        projectId: pickProject(options.project),
        ...(options.name !== undefined && { nameSearch: options.name }),
      };
      const items = await (await open()).datasets.listAll(query, session.call).toArray();
      if (session.json) return printJson(items);
      if (items.length === 0) return out("no datasets\n");
      out(
        formatTable(
          [{ header: "DATASET ID" }, { header: "NAME" }, { header: "MODALITY" }, { header: "UPDATED" }],
          items.map((d) => [
            String(d.id),
            d.name ?? "",
            (d.modality?.input_modals ?? []).join(","),
            typeof d.updatedAt === "number" ? new Date(d.updatedAt * 1000).toISOString().slice(0, 19) : "",
          ]),
        ),
      );
    });

  datasets
    .command("upload")
    .description("check and add the samples of a JSONL file to a split, with a progress bar; prints the sample ids")
    .argument("<file>", "a JSONL file, one conversation ({ messages: [...] }) a line")
    .requiredOption("--dataset <id>", "the dataset's id")
    .option("--project <id>", projectHelp)
    .option("--split <name>", "the split, created when missing", "train")
    .option("--batch-size <n>", "samples per request (default: 200)", integerAtLeast(1))
    .option("--resume-from <n>", "skip the first n samples (those a failed upload reported stored)", integerAtLeast(0))
    .action(async (file: string, options: UploadOptions) => {
      const projectId = pickProject(options.project);
      const blob = await openFile(file);
      const handle = await (await open()).datasets.openById(options.dataset, { ...session.call, projectId });
      const bar = createProgressBar("uploading");
      let last: UploadProgress | undefined;
      const onProgress = (p: UploadProgress) => {
        last = p;
        const media = p.mediaFiles > 0 ? `, ${p.mediaFiles} media (${formatBytes(p.mediaBytes)})` : "";
        bar.update(
          p.bytesRead ?? p.samplesDone,
          p.bytesTotal ?? p.samplesTotal,
          `${p.samplesDone} samples, ${formatBytes(p.bytesRead ?? 0)}${media}`,
        );
      };
      let ids: string[];
      try {
        ids = await handle.uploadSamples(blob, {
          ...session.call,
          split: options.split,
          onProgress,
          ...(options.batchSize !== undefined && { batchSize: options.batchSize }),
          ...(options.resumeFrom !== undefined && { resumeFrom: options.resumeFrom }),
        });
      } finally {
        bar.stop();
      }
      err(
        `${ids.length} samples added to split ${options.split} of dataset ${escapeTerminalText(handle.id)}` +
          (last?.mediaFiles ? `, ${last.mediaFiles} media files stored\n` : "\n"),
      );
      if (session.json) printJson(ids);
      else out(ids.map((id) => `${escapeTerminalText(id)}\n`).join(""));
    });
}

/** The file as a Blob read from disk as needed; a missing file is a usage error. */
export async function openFile(path: string): Promise<Blob> {
  try {
    const info = await stat(path);
    if (!info.isFile()) throw new UsageError(`${path} is not a file`);
  } catch (error) {
    if (error instanceof UsageError) throw error;
    throw new UsageError(`cannot read ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`);
  }
  return openAsBlob(path);
}
