import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { repoRoot } from "../spec/paths.ts";
import { workspacePackageDirs } from "./workspace-package-dirs.ts";

interface Manifest {
  name: string;
  dependencies?: Record<string, string>;
  devDependencies?: Record<string, string>;
  peerDependencies?: Record<string, string>;
  optionalDependencies?: Record<string, string>;
}

/** Each workspace package and the workspace packages it names, in any kind of dependency. */
function workspaceGraph(): Map<string, string[]> {
  const manifests = [repoRoot, ...workspacePackageDirs(repoRoot)].map(
    (dir) => JSON.parse(readFileSync(join(dir, "package.json"), "utf8")) as Manifest,
  );
  const names = new Set(manifests.map((m) => m.name));
  return new Map(
    manifests.map((m) => {
      const all = { ...m.peerDependencies, ...m.devDependencies, ...m.optionalDependencies, ...m.dependencies };
      return [m.name, Object.keys(all).filter((name) => names.has(name))];
    }),
  );
}

/** A path that leads from a package back to itself, or undefined. */
function findCycle(graph: Map<string, string[]>): string[] | undefined {
  const done = new Set<string>();
  const visit = (name: string, path: string[]): string[] | undefined => {
    if (path.includes(name)) return [...path.slice(path.indexOf(name)), name];
    if (done.has(name)) return undefined;
    for (const next of graph.get(name) ?? []) {
      const cycle = visit(next, [...path, name]);
      if (cycle) return cycle;
    }
    done.add(name);
    return undefined;
  };
  for (const name of graph.keys()) {
    const cycle = visit(name, []);
    if (cycle) return cycle;
  }
  return undefined;
}

// pnpm counts peer and dev dependencies too, and warns of a cycle on every install (a fresh
// clone's `pnpm demo` showed one): the test kit and the scripts import the mock package
// through the root's devDependency, so no package the kit tests leads back to it.
describe("the workspace's package graph", () => {
  it("has no cycle pnpm would warn about", () => {
    expect(findCycle(workspaceGraph())).toBeUndefined();
  });

  it("the check finds a cycle through a peer dependency", () => {
    const graph = new Map([
      ["kit", ["mock"]],
      ["mock", ["client", "kit"]],
      ["client", []],
    ]);
    expect(findCycle(graph)).toEqual(["kit", "mock", "kit"]);
  });
});
