import type { UsageSite } from "./find-usage-sites.ts";
import type { MethodTables } from "./method-tables.ts";
import { operationsOf, schemaUsage } from "./schema-usage.ts";
import type { Change, Spec, SpecDiff } from "./types.ts";

/** What one change reaches, from the operations down to the docs that call them. */
export interface ChangeImpact {
  /** Its operation, or those reaching its schema (before or after). */
  operations: string[];
  /** Operations with no wrapper method (yet): only the low-level client has them. */
  unwrapped: string[];
  /** `endpoints.cost.get` */
  methods: string[];
  /** `friendli cost` */
  commands: string[];
  /** `languageModel (serverless, dedicated)` */
  models: string[];
  /** `examples/endpoints-monthly-cost.ts:14`, `packages/cli/README.md:138` */
  usedIn: string[];
}

/** What a spec change means for one package: the methods (commands, models) it hits. */
export interface PackageImpact {
  hits: string[];
  breaking: boolean;
  additive: boolean;
}

export interface Impact {
  changes: ChangeImpact[];
  /** By package name; a package no change hits is absent (and not bumped). */
  packages: Record<string, PackageImpact>;
  /** The packages the tables know that no change hits. */
  notHit: string[];
}

const scope = "@friendli-ts/";
const isAdditive = (c: Change) => !c.breaking && /added|widened/.test(c.kind);

/**
 * Follows each change to the wrapper methods, CLI commands, AI SDK models and usage sites
 * that call its operations. The low-level client has every operation and type, so every
 * change hits it; the testing package ships the mock and answer schemas generated from the
 * spec, so every change is a patch of it.
 */
export function impactOf(diff: SpecDiff, before: Spec, after: Spec, tables: MethodTables, sites: UsageSite[]): Impact {
  const usage = [schemaUsage(before), schemaUsage(after)];
  const methodOf = new Map<string, string>();
  for (const [pkg, table] of Object.entries(tables.operations))
    for (const [operationId, method] of Object.entries(table)) methodOf.set(operationId, `${pkg}.${method}`);
  const inSpec = new Set([...operationsOf(before).keys(), ...operationsOf(after).keys()]);

  const packages: Record<string, PackageImpact> = {};
  const hit = (name: string, what: string[], breaking: boolean, additive: boolean) => {
    const seen = packages[name] ?? { hits: [], breaking: false, additive: false };
    packages[name] = {
      hits: [...new Set([...seen.hits, ...what])].sort(),
      breaking: seen.breaking || breaking,
      additive: seen.additive || additive,
    };
  };

  const changes = diff.changes.map((change): ChangeImpact => {
    const operations = change.operationId
      ? [change.operationId]
      : [...new Set(usage.flatMap((u) => [...(u.get(change.schema ?? "")?.operations ?? [])]))]
          .filter((id) => inSpec.has(id))
          .sort();
    const methods = [...new Set(operations.flatMap((id) => methodOf.get(id) ?? []))].sort();
    const reached = new Set(methods);
    const commands = Object.entries(tables.commands)
      .filter(([, calls]) => calls.some((m) => reached.has(m)))
      .map(([command]) => `friendli ${command}`);
    const deployments = new Map<string, string[]>();
    for (const [kind, calls] of Object.entries(tables.modelKinds))
      for (const m of calls)
        if (reached.has(`inference.${m}`)) {
          const where = m.split(".")[0] as string;
          const list = deployments.get(kind) ?? [];
          if (!list.includes(where)) deployments.set(kind, [...list, where]);
        }
    const models = [...deployments].map(([kind, where]) => `${kind} (${where.join(", ")})`);
    const usedIn = [
      ...new Set(
        sites
          .filter((s) => s.methods.some((m) => reached.has(m)) || s.operations?.some((id) => operations.includes(id)))
          .map((s) => s.where),
      ),
    ];

    const [breaking, additive] = [change.breaking, isAdditive(change)];
    hit(`${scope}client`, [], breaking, additive);
    hit(`${scope}testing`, [], false, false);
    for (const m of methods) hit(`${scope}${m.split(".")[0]}`, [m], breaking, additive);
    if (commands.length) hit(`${scope}cli`, commands, breaking, additive);
    if (models.length) hit(`${scope}ai-sdk`, models, breaking, additive);
    return {
      operations,
      unwrapped: operations.filter((id) => !methodOf.has(id)),
      methods,
      commands,
      models,
      usedIn,
    };
  });
  const known = [
    "client",
    "testing",
    ...Object.keys(tables.operations),
    ...(Object.keys(tables.commands).length ? ["cli"] : []),
    ...(Object.keys(tables.modelKinds).length ? ["ai-sdk"] : []),
  ].map((short) => `${scope}${short}`);
  return { changes, packages, notHit: known.filter((name) => !packages[name]).sort() };
}
