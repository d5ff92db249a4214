import { join, relative } from "node:path";
import ts from "typescript";
import { readmeLocation, type WrittenBlocks } from "./write-readme-blocks.ts";

/**
 * Type-checks the written blocks as `tsc --noEmit -p <their folder>` does, and returns one
 * line per problem, located in the README (`packages/endpoints/README.md:143: TS2488 ...`).
 */
export function typecheckBlocks(written: WrittenBlocks): string[] {
  const config = ts.getParsedCommandLineOfConfigFile(join(written.dir, "tsconfig.json"), undefined, {
    ...ts.sys,
    onUnRecoverableConfigFileDiagnostic: (d) => {
      throw new Error(ts.flattenDiagnosticMessageText(d.messageText, "\n"));
    },
  });
  if (!config) throw new Error(`no tsconfig.json in ${written.dir}`);
  const program = ts.createProgram({ rootNames: config.fileNames, options: config.options });
  return ts.getPreEmitDiagnostics(program).map((d) => {
    const message = `TS${d.code} ${ts.flattenDiagnosticMessageText(d.messageText, "\n")}`;
    if (!d.file || d.start === undefined) return message;
    const line = d.file.getLineAndCharacterOfPosition(d.start).line + 1;
    const where = readmeLocation(written, d.file.fileName, line) ?? `${relative(written.dir, d.file.fileName)}:${line}`;
    return `${where}: ${message}`;
  });
}
