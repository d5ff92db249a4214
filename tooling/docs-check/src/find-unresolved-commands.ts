import { existsSync, readdirSync, readFileSync } from "node:fs";
import { dirname, join } from "node:path";
import type { Nodes } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";
import { isWrittenByACommand, looksLikeFilePath } from "./find-missing-paths.ts";

/** A command a page shows that a reader in a clone could not run as written. */
export interface UnresolvedCommand {
  page: string;
  line: number;
  command: string;
  why: string;
}

/** What a command in a clone can reach: the root's scripts and installed bins. */
export interface CloneCommands {
  root: string;
  /** The root package.json's scripts. */
  scripts: ReadonlySet<string>;
  /** `node_modules/.bin` of the root: what `pnpm exec` and `npx` find. */
  bins: ReadonlySet<string>;
  /** The bins the published packages install (`friendli` after `npm install -g @friendli-ts/cli`). */
  publishedBins: ReadonlySet<string>;
}

// Commands any shell a reader has: the system's and the package managers' own.
const SYSTEM = new Set(["cd", "curl", "echo", "export", "git", "jq", "mkdir", "npm", "cat", "ls"]);
// pnpm's own commands that a page may use (`pnpm <anything else>` must be a script).
const PNPM_COMMANDS = new Set(["add", "dlx", "exec", "install", "i", "pack", "publish", "run", "store"]);
// Shell words that open or close a loop or a condition; `for x in ...` names no command.
const SHELL_WORDS = new Set(["do", "done", "then", "fi", "else"]);

/** The clone's commands, read from the repository at `root` (installed, so its `.bin` exists). */
export function cloneCommands(root: string): CloneCommands {
  const manifest = (dir: string) => JSON.parse(readFileSync(join(dir, "package.json"), "utf8"));
  const packagesDir = join(root, "packages");
  const publishedBins = readdirSync(packagesDir)
    .map((name) => manifest(join(packagesDir, name)))
    .filter((pkg) => pkg.private !== true && pkg.bin)
    .flatMap((pkg) => (typeof pkg.bin === "string" ? [pkg.name.split("/").at(-1)] : Object.keys(pkg.bin)));
  return {
    root,
    scripts: new Set(Object.keys(manifest(root).scripts ?? {})),
    bins: new Set(readdirSync(join(root, "node_modules", ".bin"))),
    publishedBins: new Set(publishedBins),
  };
}

/**
 * The commands of `page` (relative to the root) that do not resolve in a clone: the lines of its
 * shell blocks, and inline code that starts with pnpm, npx, tsx or node. `pnpm <x>` must be a
 * root script or pnpm's own command, `pnpm exec <bin>` and `npx <bin>` a bin the root installs,
 * anything else a command every shell has or a bin a published package installs (so a bare
 * `tsx`, which is on no clone's PATH, fails), and each file a command names must exist (or be
 * something a command writes: git ignores it).
 */
export function findUnresolvedCommands(clone: CloneCommands, page: string, markdown: string): UnresolvedCommand[] {
  const found: UnresolvedCommand[] = [];
  const check = (text: string, line: number) => {
    for (const words of simpleCommands(text)) {
      const why = whyUnresolved(clone, page, words);
      if (why) found.push({ page, line, command: words.join(" "), why });
    }
  };
  const pending: Nodes[] = [fromMarkdown(markdown)];
  while (pending.length > 0) {
    const node = pending.pop() as Nodes;
    const start = node.position?.start.line ?? 0;
    if (node.type === "code" && /^(sh|bash|shell|console)$/.test(node.lang ?? "")) {
      // The fence is the node's first line; a `\` at a line's end joins the next one to it.
      let joined = "";
      node.value.split("\n").forEach((text, i) => {
        joined += text.replace(/\\$/, " ");
        if (text.endsWith("\\")) return;
        check(joined, start + 1 + i);
        joined = "";
      });
    } else if (node.type === "inlineCode" && /^(pnpm|npx|tsx|node) /.test(node.value)) {
      check(node.value, start);
    } else if ("children" in node) {
      pending.push(...node.children);
    }
  }
  return found.sort((a, b) => a.line - b.line);
}

/** A shell line cut into its simple commands' words: no comment, quotes kept as one word. */
export function simpleCommands(line: string): string[][] {
  const commands: string[][] = [[]];
  let word: string | undefined;
  let quote: string | undefined;
  const end = () => {
    if (word !== undefined) commands.at(-1)?.push(word);
    word = undefined;
  };
  for (let i = 0; i < line.length; i++) {
    const char = line[i] as string;
    if (quote) {
      if (char === quote) quote = undefined;
      else word += char;
    } else if (char === '"' || char === "'") {
      quote = char;
      word ??= "";
    } else if (char === "#" && word === undefined) {
      break;
    } else if (/\s/.test(char)) {
      end();
    } else if (/[;&|()]/.test(char) || (char === "$" && line[i + 1] === "(")) {
      end();
      commands.push([]);
      if (char === "$") i++;
    } else word = (word ?? "") + char;
  }
  end();
  return commands
    .map((words) => {
      const from = words.findIndex((w) => !/^\w+=/.test(w) && !SHELL_WORDS.has(w));
      return from < 0 ? [] : words.slice(from);
    })
    .filter((words) => words.length > 0 && words[0] !== "for");
}

function whyUnresolved(clone: CloneCommands, page: string, words: string[]): string | undefined {
  const [command = "", ...args] = words;
  const operands = args.filter((arg) => !arg.startsWith("-"));
  const missingFile = args.find((arg) => looksLikeFilePath(arg) && !fileExists(clone.root, page, arg));
  if (missingFile) return `${missingFile} does not exist`;
  if (command === "pnpm") {
    const [sub = "", next = ""] = operands;
    if (sub === "exec") return clone.bins.has(next) ? undefined : `pnpm exec finds no bin \`${next}\``;
    if (sub === "run") return clone.scripts.has(next) ? undefined : `no script \`${next}\` in package.json`;
    if (PNPM_COMMANDS.has(sub) || clone.scripts.has(sub)) return undefined;
    return `no script \`${sub}\` in package.json, nor a pnpm command`;
  }
  if (command === "npx") {
    const [bin = ""] = operands;
    return clone.bins.has(bin) || clone.publishedBins.has(bin) ? undefined : `npx finds no bin \`${bin}\``;
  }
  if (command === "node") {
    const [script] = operands;
    return script === undefined || fileExists(clone.root, page, script) ? undefined : `${script} does not exist`;
  }
  if (SYSTEM.has(command) || clone.publishedBins.has(command)) return undefined;
  return `\`${command}\` is not on a clone's PATH: \`pnpm exec ${command}\` or a script runs it`;
}

/** Beside the page or from the root, or something a command writes. */
function fileExists(root: string, page: string, path: string): boolean {
  return existsSync(join(root, dirname(page), path)) || existsSync(join(root, path)) || isWrittenByACommand(root, path);
}
