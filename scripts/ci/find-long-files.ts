import { execFileSync } from "node:child_process";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";

/** Lines a source file may have before its first comment must say why it is longer. */
export const LONG_FILE_LINES = 300;

/** The source the rule covers: packages' src, scripts and tooling, never generated files. */
const COVERED = /^(packages\/[^/]+\/src|scripts|tooling)\/(?!.*\/generated\/).*\.(ts|tsx|mts|cts|js|mjs|cjs)$/;

/** A source file over the limit whose first comment does not say why. */
export interface LongFile {
  path: string;
  lines: number;
}

/**
 * The source files (tracked or new, not git-ignored) over LONG_FILE_LINES lines whose first
 * comment does not explain the length. A long file is either split or says, first thing, why it
 * stays whole: a reader opening it learns before the first line of code why it runs on.
 */
export function findLongFiles(root: string): LongFile[] {
  const files = execFileSync("git", ["ls-files", "--cached", "--others", "--exclude-standard"], {
    cwd: root,
    encoding: "utf8",
    maxBuffer: 16 * 1024 * 1024,
  })
    .split("\n")
    // A file deleted but not yet staged is still listed as cached.
    .filter((path) => COVERED.test(path) && existsSync(join(root, path)));
  return [...new Set(files)]
    .map((path) => ({ path, text: readFileSync(join(root, path), "utf8") }))
    .map(({ path, text }) => ({ path, text, lines: text.split("\n").length - (text.endsWith("\n") ? 1 : 0) }))
    .filter(({ text, lines }) => lines > LONG_FILE_LINES && !explainsItsLength(text))
    .map(({ path, lines }) => ({ path, lines }));
}

/**
 * Whether the file's first comment, before any code but its imports, says why the file is long:
 * it names its length ("long", "lines") in its words.
 */
export function explainsItsLength(text: string): boolean {
  const comment = firstComment(text);
  return comment !== undefined && /\b(long|longer|length|lines)\b/i.test(comment);
}

/** The first comment of a file, when only a shebang, blank lines and imports come before it. */
function firstComment(text: string): string | undefined {
  let rest = text.replace(/^#!.*\n/, "");
  for (;;) {
    rest = rest.trimStart();
    // `import x from "y";`, `import { a, b } from "y";` over several lines, `import "y";`
    const imported = /^import\b[^;]*?(?:from\s*)?["'][^"']+["'](?:\s+with\s*\{[^}]*\})?;?/.exec(rest);
    if (!imported) break;
    rest = rest.slice(imported[0].length);
  }
  if (rest.startsWith("//")) return /^(?:\/\/.*(?:\n[ \t]*|$))+/.exec(rest)?.[0];
  if (rest.startsWith("/*")) return rest.slice(0, rest.indexOf("*/") + 2);
  return undefined;
}
