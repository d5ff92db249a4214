import { mkdirSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join, relative } from "node:path";
import {
  CompilerState,
  Extractor,
  ExtractorConfig,
  ExtractorLogLevel,
  type ExtractorMessage,
  ExtractorMessageCategory,
  type IConfigFile,
} from "@microsoft/api-extractor";
import type { PublishedEntry } from "./find-published-entries.ts";
import { stagePackage } from "./stage-package.ts";

/** The report of one entry as api-extractor writes it, and what api-extractor had to say. */
export interface RenderedReport {
  entry: PublishedEntry;
  text: string;
  /** Warnings and errors, each prefixed with the entry; an error fails the run. */
  messages: string[];
  errorCount: number;
}

// The same compiler settings as the packages' builds, fixed here rather than read from each
// tsconfig, so a report depends on the built `.d.ts` alone.
const compilerOptions = {
  target: "ES2022",
  lib: ["ES2023", "DOM", "DOM.Iterable", "DOM.AsyncIterable"],
  module: "NodeNext",
  moduleResolution: "NodeNext",
  strict: true,
  skipLibCheck: true,
  types: [],
};

function configFor(stagedDir: string, typesFile: string, typesFiles: string[], outDir: string): IConfigFile {
  return {
    projectFolder: stagedDir,
    mainEntryPointFilePath: typesFile,
    bundledPackages: [],
    newlineKind: "lf",
    compiler: {
      overrideTsconfig: { compilerOptions, files: typesFiles },
      skipLibCheck: true,
    },
    apiReport: {
      enabled: true,
      reportFileName: "report",
      // Both in a scratch folder: the committed file is compared and written by the caller.
      reportFolder: join(outDir, "accepted"),
      reportTempFolder: outDir,
    },
    docModel: { enabled: false },
    dtsRollup: { enabled: false },
    tsdocMetadata: { enabled: false },
    messages: {
      compilerMessageReporting: { default: { logLevel: ExtractorLogLevel.Error } },
      extractorMessageReporting: {
        // A finding about an exported declaration (an unexported type it uses) shows in the
        // report itself, where a reviewer sees it.
        default: { logLevel: ExtractorLogLevel.Warning, addToApiReportFile: true },
        // No release tags (@public, @beta) and no TSDoc rules in this repository.
        "ae-missing-release-tag": { logLevel: ExtractorLogLevel.None },
        "ae-undocumented": { logLevel: ExtractorLogLevel.None },
      },
      tsdocMessageReporting: { default: { logLevel: ExtractorLogLevel.None } },
    },
  };
}

/**
 * Renders the report of every entry of one package. The entries share one TypeScript program,
 * so a package with three entries is read once.
 */
export function renderPackageReports(packageEntries: PublishedEntry[]): RenderedReport[] {
  const outDir = mkdtempSync(join(tmpdir(), "api-report-"));
  mkdirSync(join(outDir, "accepted"));
  try {
    const packageDir = packageEntries[0]!.packageDir;
    const stagedDir = join(outDir, "package");
    stagePackage(packageDir, stagedDir);
    const typesFiles = packageEntries.map((e) => join(stagedDir, relative(packageDir, e.typesFile)));
    let compilerState: CompilerState | undefined;
    return packageEntries.map((entry, i) => {
      const extractorConfig = ExtractorConfig.prepare({
        configObject: configFor(stagedDir, typesFiles[i]!, typesFiles, outDir),
        configObjectFullPath: undefined,
        packageJsonFullPath: join(stagedDir, "package.json"),
      });
      compilerState ??= CompilerState.create(extractorConfig, { additionalEntryPoints: typesFiles });
      const messages: string[] = [];
      const result = Extractor.invoke(extractorConfig, {
        localBuild: true,
        compilerState,
        messageCallback: (message: ExtractorMessage) => {
          message.handled = true;
          // Its notes on the scratch report files ("created", "updated") are of no use here.
          const scratchNote =
            message.category === ExtractorMessageCategory.Console && message.logLevel !== ExtractorLogLevel.Error;
          if (
            !scratchNote &&
            (message.logLevel === ExtractorLogLevel.Error || message.logLevel === ExtractorLogLevel.Warning)
          ) {
            messages.push(`${entry.packageName} ${entry.subpath}: ${message.formatMessageWithoutLocation()}`);
          }
        },
      });
      const text = readFileSync(join(outDir, "report.api.md"), "utf8");
      rmSync(join(outDir, "report.api.md"));
      return { entry, text, messages, errorCount: result.errorCount };
    });
  } finally {
    rmSync(outDir, { recursive: true, force: true });
  }
}
