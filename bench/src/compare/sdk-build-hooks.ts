// Module hooks (node:module `register`) of a bench:compare child: `@friendli-ts/<package>`
// resolves in the build given (the base worktree, or this repository), as that package would
// resolve itself (its package.json `exports`, so its dist/). Everything else, the cases and
// openai-node included, comes from this tree. The packages' own imports of each other start
// inside that build and stay there.
import { join } from "node:path";
import { pathToFileURL } from "node:url";

export interface SdkBuild {
  /** The root of the repository whose packages/ are imported. */
  root: string;
  /** Package name to its folder under the root, e.g. "@friendli-ts/client" -> "packages/client". */
  packages: Record<string, string>;
}

type Resolve = (specifier: string, context: { parentURL?: string }) => Promise<unknown>;

let build: SdkBuild = { root: "", packages: {} };

export function initialize(data: SdkBuild): void {
  build = data;
}

export function resolve(specifier: string, context: { parentURL?: string }, nextResolve: Resolve): Promise<unknown> {
  const name = specifier.split("/", 2).join("/");
  const folder = build.packages[name];
  if (folder === undefined) return nextResolve(specifier, context);
  // Resolved from the package's own package.json: Node's self-reference by name.
  return nextResolve(specifier, {
    ...context,
    parentURL: pathToFileURL(join(build.root, folder, "package.json")).href,
  });
}
