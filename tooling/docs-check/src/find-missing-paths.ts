import { execFileSync } from "node:child_process";
import { existsSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Nodes } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";

/** A file a Markdown page names in backticks that is not in the repository. */
export interface MissingPath {
  /** The page, relative to the repository root. */
  page: string;
  line: number;
  path: string;
}

// A code span that reads as a file of this repository: folders and a file name with an
// extension, nothing else (no spaces, URLs, globs, placeholders or package names).
const FILE_PATH = /^\.{0,2}\/?(?:[\w.-]+\/)+[\w.-]+\.(?:ts|tsx|mts|js|mjs|cjs|json|md|ya?ml|sh)$/;

/** Whether a code span's text is a repository-relative file path, as this check reads one. */
export function looksLikeFilePath(text: string): boolean {
  return FILE_PATH.test(text) && !text.startsWith("node_modules/") && !text.includes("/node_modules/");
}

/**
 * The file paths in code spans of `page` (relative to `root`) that exist neither beside the
 * page nor from the repository root: a page that sends readers to a file must name one that
 * is there. Code blocks are left out (they hold commands and code, not references).
 */
export function findMissingPaths(root: string, page: string, markdown: string): MissingPath[] {
  const missing: MissingPath[] = [];
  const pending: Nodes[] = [fromMarkdown(markdown)];
  while (pending.length > 0) {
    const node = pending.pop() as Nodes;
    if (node.type === "inlineCode") {
      const path = node.value.trim();
      if (!looksLikeFilePath(path)) continue;
      if (existsSync(join(root, dirname(page), path)) || existsSync(join(root, path))) continue;
      missing.push({ page, line: node.position?.start.line ?? 0, path });
    } else if ("children" in node) {
      pending.push(...node.children);
    }
  }
  return missing.sort((a, b) => a.line - b.line);
}

/** Whether git ignores `path` (from `root`): something a command writes (`dist/`, `bench/results.json`), named but not kept. */
export function isWrittenByACommand(root: string, path: string): boolean {
  try {
    execFileSync("git", ["check-ignore", "-q", "--no-index", path], { cwd: root, stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
}
