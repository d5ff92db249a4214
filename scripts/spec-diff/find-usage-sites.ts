import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import type { MethodTables } from "./method-tables.ts";

/** One call of the SDK in an example or a README code block, and the table methods it reaches. */
export interface UsageSite {
  /** `examples/endpoints-monthly-cost.ts:14` */
  where: string;
  /** As written: `endpoints.cost.listAll`, `friendli cost`, `ai-sdk dedicated.embeddingModel`. */
  call: string;
  /** `<package>.<method>` of the operation tables. */
  methods: string[];
  /** For a call of the low-level client (`friendli.POST("/v1/...")`): the operation it names. */
  operations?: string[];
}

/** `POST /serverless/v1/chat/completions` -> operationIds; `stream <path>` for any method. */
export type OperationsByRoute = Map<string, string[]>;

interface Unit {
  file: string;
  /** Line number of the unit's first line in the file. */
  line: number;
  text: string;
}

const factories: Record<string, string> = {
  createFriendliInference: "inference",
  createFriendliEndpoints: "endpoints",
  createFriendliDatasets: "datasets",
};
const kinds = ["languageModel", "completionModel", "embeddingModel", "imageModel", "transcriptionModel"];
/** Global options of `friendli` that take a value. */
const valued = new Set(["--token", "--team", "--base-url", "--max-retries", "--request-timeout"]);
const literal = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** The fenced code blocks of a Markdown file, each with the line it starts on. */
export function codeBlocks(file: string, markdown: string): Unit[] {
  const units: Unit[] = [];
  const lines = markdown.split("\n");
  let open: { fence: string; start: number; body: string[] } | undefined;
  lines.forEach((line, i) => {
    const fence = /^\s*(`{3,})/.exec(line)?.[1];
    if (!open && fence) open = { fence, start: i + 2, body: [] };
    else if (open && fence && fence.length >= open.fence.length && line.trim() === fence) {
      units.push({ file, line: open.start, text: open.body.join("\n") });
      open = undefined;
    } else open?.body.push(line);
  });
  return units;
}

/** Names bound to a wrapper facade: `const x = createFriendliX(`, `const { serverless } = ...`. */
function bindings(text: string): { name: string; pkg: string; prefix: string }[] {
  const out: { name: string; pkg: string; prefix: string }[] = [];
  const re =
    /(?:const|let|var)\s+(\w+|\{[^}]*\})\s*=\s*(?:await\s+)?(createFriendli(?:Inference|Endpoints|Datasets))\s*\(/g;
  for (const m of text.matchAll(re)) {
    const pkg = factories[m[2] as string] as string;
    const target = m[1] as string;
    if (!target.startsWith("{")) out.push({ name: target, pkg, prefix: "" });
    else
      for (const part of target.slice(1, -1).split(",")) {
        const [key, alias] = part.split(":").map((s) => s.trim());
        if (key && /^\w+$/.test(key)) out.push({ name: alias || key, pkg, prefix: key });
      }
  }
  return out;
}

/** Every call of a wrapper method, a helper, a `friendli` command or an AI SDK model in `unit`. */
function sitesOf(
  unit: Unit,
  scope: string,
  tables: MethodTables,
  root: string,
  routes: OperationsByRoute,
): UsageSite[] {
  const sites: UsageSite[] = [];
  const at = (index: number) =>
    `${relative(root, unit.file)}:${unit.line + unit.text.slice(0, index).split("\n").length - 1}`;
  for (const { name, pkg, prefix } of bindings(scope)) {
    const callable: [string, string[]][] = [
      ...Object.values(tables.operations[pkg] ?? {}).map((m): [string, string[]] => [m, [m]]),
      ...Object.entries(tables.helpers[pkg] ?? {}),
    ];
    for (const [path, reaches] of callable) {
      if (prefix && !path.startsWith(`${prefix}.`)) continue;
      const rest = prefix ? path.slice(prefix.length + 1) : path;
      for (const m of unit.text.matchAll(new RegExp(`(?<![\\w.])${literal(name)}\\.${literal(rest)}\\s*\\(`, "g")))
        sites.push({ where: at(m.index), call: `${pkg}.${path}`, methods: reaches.map((r) => `${pkg}.${r}`) });
    }
  }
  // The low-level client: `friendli.POST("/path", ...)`, `friendli.stream("/path#stream", ...)`.
  const clients = [
    ...scope.matchAll(/(?:const|let|var)\s+(\w+)\s*=\s*(?:await\s+)?createFriendli(?:Fetch)?Client\s*\(/g),
  ].map((m) => m[1] as string);
  for (const name of new Set(clients)) {
    const re = new RegExp(
      `(?<![\\w.])${literal(name)}\\.(GET|POST|PUT|PATCH|DELETE|stream)\\s*\\(\\s*["'\`]([^"'\`]+)`,
      "g",
    );
    for (const m of unit.text.matchAll(re)) {
      const operations = routes.get(`${m[1]} ${m[2]}`) ?? [];
      if (operations.length)
        sites.push({ where: at(m.index), call: `client.${m[1]} ${m[2]}`, methods: [], operations });
    }
  }

  // A dataset handle (from `datasets.open`) goes by any name.
  const upload = tables.helpers.datasets?.["handle.uploadSamples"];
  if (upload && bindings(scope).some((b) => b.pkg === "datasets"))
    for (const m of unit.text.matchAll(/\.uploadSamples\s*\(/g))
      sites.push({
        where: at(m.index),
        call: "datasets.handle.uploadSamples",
        methods: upload.map((r) => `datasets.${r}`),
      });

  // The AI SDK provider: `friendli(id)`, `friendli.dedicated(id)`, `friendli.container.imageModel(id)`.
  if (/@friendli-ts\/ai-sdk/.test(scope)) {
    const names = new Set([
      "friendli",
      ...[...scope.matchAll(/(?:const|let|var)\s+(\w+)\s*=\s*createFriendli\s*\(/g)].map((m) => m[1] as string),
    ]);
    for (const name of names) {
      const re = new RegExp(
        `(?<![\\w.])${literal(name)}(?:\\.(serverless|dedicated|container))?(?:\\.(${kinds.join("|")}))?\\s*\\(`,
        "g",
      );
      for (const m of unit.text.matchAll(re)) {
        const deployment = m[1] ?? "serverless";
        const kind = m[2] ?? "languageModel";
        const methods = (tables.modelKinds[kind] ?? []).filter((x) => x.startsWith(`${deployment}.`));
        sites.push({
          where: at(m.index),
          call: `ai-sdk ${deployment}.${kind}`,
          methods: methods.map((x) => `inference.${x}`),
        });
      }
    }
  }

  // `friendli [global options] <command> [<subcommand>]` on a line of a shell block.
  for (const m of unit.text.matchAll(/(?:^|[\s$(`])friendli((?:[ \t]+[^\s|;&>`)]+)+)/gm)) {
    const words = (m[1] as string).trim().split(/\s+/);
    let i = 0;
    while (words[i]?.startsWith("-"))
      i += valued.has(words[i] as string) && !(words[i] as string).includes("=") ? 2 : 1;
    const command = [`${words[i]} ${words[i + 1]}`, words[i] as string].find((c) => c in tables.commands);
    if (command)
      sites.push({
        where: at(m.index + m[0].indexOf("friendli")),
        call: `friendli ${command}`,
        methods: [...(tables.commands[command] ?? [])],
      });
  }
  return sites;
}

/** Calls of the SDK in `examples/*.ts` and in the code blocks of the READMEs (root and packages). */
export function findUsageSites(root: string, tables: MethodTables, routes: OperationsByRoute = new Map()): UsageSite[] {
  const sites: UsageSite[] = [];
  const examples = join(root, "examples");
  if (existsSync(examples))
    for (const name of readdirSync(examples).sort()) {
      if (!name.endsWith(".ts") || name.endsWith(".test.ts")) continue;
      const file = join(examples, name);
      const text = readFileSync(file, "utf8");
      sites.push(...sitesOf({ file, line: 1, text }, text, tables, root, routes));
    }
  const readmes = [
    join(root, "README.md"),
    ...readdirSync(join(root, "packages")).map((d) => join(root, "packages", d, "README.md")),
  ];
  for (const file of readmes.filter(existsSync)) {
    const blocks = codeBlocks(file, readFileSync(file, "utf8"));
    // A README binds a name in one block and calls it in the next ones.
    const scope = blocks.map((b) => b.text).join("\n");
    for (const block of blocks) sites.push(...sitesOf(block, scope, tables, root, routes));
  }
  const place = (s: UsageSite) => s.where.split(":") as [string, string];
  return sites.sort((a, b) => {
    const [[fileA, lineA], [fileB, lineB]] = [place(a), place(b)];
    return fileA === fileB ? Number(lineA) - Number(lineB) : 0;
  });
}
