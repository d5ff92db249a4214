import ts from "typescript";
import type { ReadmeBlock } from "./extract-readme-blocks.ts";

/** One README block as a module of its own, ready to be written to `file`. */
export interface BlockModule {
  block: ReadmeBlock;
  /** File name inside the README's folder (`block-03.ts`). */
  file: string;
  text: string;
  /** Lines put before the block's code: README line = module line - preludeLines + block.line - 1. */
  preludeLines: number;
}

/** Where a name that a later block may use comes from. */
type Source =
  | { kind: "import"; statement: string }
  | { kind: "block"; file: string; typeOnly: boolean; runs: boolean; line: number };

/**
 * Turns a README's blocks into modules that read as the README does, top to bottom: each
 * block sees the imports and top-level declarations of the blocks above it (the nearest one
 * wins), as a reader does. A block's top-level declarations are exported, and a later block
 * imports those it uses from the module that declared them; imports it uses from blocks above
 * are repeated in it. So the compiler checks each block with exactly the context the README
 * gives it, and running a block runs the blocks it builds on, once each.
 *
 * A block that runs cannot build on a `no-run` block (it would run it): that is an error
 * naming both.
 */
export function chainBlockModules(blocks: readonly ReadmeBlock[]): BlockModule[] {
  const sources = new Map<string, Source>();
  return blocks.map((block) => {
    const file = `block-${String(block.index).padStart(2, "0")}.ts`;
    const source = ts.createSourceFile(file, block.code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
    const own = topLevelNames(source);
    const prelude = new Set<string>();
    const fromBlocks = new Map<string, string[]>();
    for (const name of usedNames(source)) {
      const from = own.has(name) ? undefined : sources.get(name);
      if (!from) continue;
      if (from.kind === "import") {
        prelude.add(from.statement);
        continue;
      }
      if (block.run && !from.runs) {
        throw new Error(
          `${block.readme}:${block.line}: this block runs but uses \`${name}\` from the no-run block at line ${from.line}; ` +
            "fence it as ```ts no-run too, or declare the name in this block",
        );
      }
      fromBlocks.set(from.file, [...(fromBlocks.get(from.file) ?? []), from.typeOnly ? `type ${name}` : name]);
    }
    for (const [from, names] of fromBlocks) prelude.add(`import { ${names.join(", ")} } from "./${from}";`);
    for (const [name, from] of own) sources.set(name, from(file, block));

    const header = [`// ${block.readme}:${block.line} (generated: edit the README, not this file)`, ...prelude];
    const text = `${header.join("\n")}\n${exportTopLevel(source)}\nexport {};\n`;
    return { block, file, text, preludeLines: header.length };
  });
}

type SourceOf = (file: string, block: ReadmeBlock) => Source;

/** The names a block defines for the blocks after it: its imports and top-level declarations. */
function topLevelNames(source: ts.SourceFile): Map<string, SourceOf> {
  const names = new Map<string, SourceOf>();
  const declared = (typeOnly: boolean): SourceOf => {
    return (file, block) => ({ kind: "block", file, typeOnly, runs: block.run, line: block.line });
  };
  for (const statement of source.statements) {
    if (ts.isImportDeclaration(statement)) {
      for (const [name, text] of importedNames(statement)) names.set(name, () => ({ kind: "import", statement: text }));
    } else if (ts.isVariableStatement(statement)) {
      for (const declaration of statement.declarationList.declarations) {
        for (const name of boundNames(declaration.name)) names.set(name, declared(false));
      }
    } else if (
      (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement) || ts.isEnumDeclaration(statement)) &&
      statement.name
    ) {
      names.set(statement.name.text, declared(false));
    } else if (ts.isInterfaceDeclaration(statement) || ts.isTypeAliasDeclaration(statement)) {
      names.set(statement.name.text, declared(true));
    }
  }
  return names;
}

/** Each name an import declaration binds, with an import statement for that name alone. */
function importedNames(statement: ts.ImportDeclaration): [string, string][] {
  const from = statement.moduleSpecifier.getText();
  const clause = statement.importClause;
  if (!clause) return [];
  const typeOnly = clause.isTypeOnly ? "type " : "";
  const result: [string, string][] = [];
  if (clause.name) result.push([clause.name.text, `import ${typeOnly}${clause.name.text} from ${from};`]);
  const bindings = clause.namedBindings;
  if (bindings && ts.isNamespaceImport(bindings)) {
    result.push([bindings.name.text, `import ${typeOnly}* as ${bindings.name.text} from ${from};`]);
  } else if (bindings) {
    for (const element of bindings.elements) {
      const type = typeOnly || element.isTypeOnly ? "type " : "";
      const renamed = element.propertyName ? `${element.propertyName.getText()} as ` : "";
      result.push([element.name.text, `import { ${type}${renamed}${element.name.text} } from ${from};`]);
    }
  }
  return result;
}

function boundNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : boundNames(element.name)));
}

/**
 * The identifiers a block refers to, in order of first use: every identifier but property
 * names, keys, labels and the names being declared (a shorthand `{ messages }` is a use).
 */
function usedNames(source: ts.SourceFile): string[] {
  const used = new Set<string>();
  const visit = (node: ts.Node) => {
    if (ts.isIdentifier(node) && !isNameOnly(node)) used.add(node.text);
    ts.forEachChild(node, visit);
  };
  visit(source);
  return [...used];
}

/** Nodes whose `name` is the name being declared, not a use of it. */
const DECLARES_NAME = new Set([
  ts.SyntaxKind.VariableDeclaration,
  ts.SyntaxKind.Parameter,
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.FunctionExpression,
  ts.SyntaxKind.ClassDeclaration,
  ts.SyntaxKind.ClassExpression,
  ts.SyntaxKind.InterfaceDeclaration,
  ts.SyntaxKind.TypeAliasDeclaration,
  ts.SyntaxKind.EnumDeclaration,
  ts.SyntaxKind.EnumMember,
  ts.SyntaxKind.TypeParameter,
  ts.SyntaxKind.PropertyAssignment,
  ts.SyntaxKind.PropertyDeclaration,
  ts.SyntaxKind.PropertySignature,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.MethodSignature,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.SetAccessor,
  ts.SyntaxKind.ImportSpecifier,
  ts.SyntaxKind.ImportClause,
  ts.SyntaxKind.NamespaceImport,
]);

function isNameOnly(node: ts.Identifier): boolean {
  const parent = node.parent;
  if (ts.isPropertyAccessExpression(parent)) return parent.name === node;
  if (ts.isQualifiedName(parent)) return parent.right === node;
  if (ts.isBindingElement(parent)) return parent.name === node || parent.propertyName === node;
  if (ts.isImportSpecifier(parent)) return true; // `a` in `import { a as b }` too
  if (ts.isLabeledStatement(parent) || ts.isBreakOrContinueStatement(parent)) return true;
  return DECLARES_NAME.has(parent.kind) && (parent as ts.Node & { name?: ts.Node }).name === node;
}

/** The block's code with `export` before each top-level declaration, on the same lines. */
function exportTopLevel(source: ts.SourceFile): string {
  const starts = source.statements
    .filter(
      (s) =>
        (ts.isVariableStatement(s) ||
          ts.isFunctionDeclaration(s) ||
          ts.isClassDeclaration(s) ||
          ts.isEnumDeclaration(s) ||
          ts.isInterfaceDeclaration(s) ||
          ts.isTypeAliasDeclaration(s)) &&
        !ts.getModifiers(s)?.some((m) => m.kind === ts.SyntaxKind.ExportKeyword),
    )
    .map((s) => s.getStart(source));
  let text = source.text;
  for (const start of starts.reverse()) text = `${text.slice(0, start)}export ${text.slice(start)}`;
  return text;
}
