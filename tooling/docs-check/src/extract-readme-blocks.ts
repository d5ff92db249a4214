import type { Code, Nodes } from "mdast";
import { fromMarkdown } from "mdast-util-from-markdown";

/** A TypeScript block of a README, as written. */
export interface ReadmeBlock {
  /** The README's path, relative to the repository root (for messages). */
  readme: string;
  /** 1-based position among the README's TypeScript blocks. */
  index: number;
  /** README line of the block's first line of code. */
  line: number;
  code: string;
  /** False for a block fenced as ```` ```ts no-run ````: type-checked, never run. */
  run: boolean;
}

const TYPESCRIPT = new Set(["ts", "typescript"]);
/** The words a TypeScript fence may carry after its language. */
const KNOWN_FLAGS = new Set(["no-run"]);

/**
 * The TypeScript blocks (```` ```ts ```` or ```` ```typescript ````) of a README, in order,
 * wherever they sit (lists and quotes included). A flag after the language, such as
 * ```` ```ts no-run ````, is hidden by every Markdown renderer; an unknown one is an error, so
 * a typo cannot quietly turn a check off.
 */
export function extractReadmeBlocks(markdown: string, readme: string): ReadmeBlock[] {
  const blocks: ReadmeBlock[] = [];
  const visit = (node: Nodes) => {
    if (node.type === "code") {
      if (TYPESCRIPT.has(node.lang ?? "")) blocks.push(toBlock(node, readme, blocks.length + 1));
      return;
    }
    if ("children" in node) for (const child of node.children) visit(child);
  };
  visit(fromMarkdown(markdown));
  return blocks;
}

function toBlock(node: Code, readme: string, index: number): ReadmeBlock {
  const fenceLine = node.position?.start.line ?? 0;
  const flags = (node.meta ?? "").split(/\s+/).filter(Boolean);
  for (const flag of flags) {
    if (!KNOWN_FLAGS.has(flag)) {
      throw new Error(`${readme}:${fenceLine}: unknown flag "${flag}" on a TypeScript block (known: no-run)`);
    }
  }
  return { readme, index, line: fenceLine + 1, code: node.value, run: !flags.includes("no-run") };
}
