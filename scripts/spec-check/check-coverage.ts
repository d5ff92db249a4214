import type { OperationEntry } from "../codegen/build-operation-index.ts";

export interface CoverageRow {
  operationId: string;
  tag: string;
  /** `<package>:<method path>`, e.g. `@friendli-ts/inference:serverless.chat.complete`. */
  wrapper: string | null;
  /** Why the operation is on purpose left to the low-level client. */
  lowLevelOnly: string | null;
  contractTested: boolean;
}

export interface CoverageInput {
  index: OperationEntry[];
  /** Per package: operationId -> method path of the wrapper that exposes it. */
  wrappers: Record<string, Record<string, string>>;
  lowLevelOnly: Record<string, string>;
  exercised: Set<string>;
}

/**
 * One row per operation of the spec; `problems` lists what fails the check (entries of the
 * hand-kept lists naming a removed operation are `staleEntries`').
 */
export function checkCoverage({ index, wrappers, lowLevelOnly, exercised }: CoverageInput) {
  const known = new Set(index.map((op) => op.operationId));
  const rows: CoverageRow[] = index.map((op) => {
    const owner = Object.entries(wrappers).find(([, methods]) => op.operationId in methods);
    return {
      operationId: op.operationId,
      tag: op.tag,
      wrapper: owner ? `${owner[0]}:${owner[1][op.operationId]}` : null,
      lowLevelOnly: lowLevelOnly[op.operationId] ?? null,
      contractTested: exercised.has(op.operationId),
    };
  });
  const problems = [
    ...rows
      .filter((r) => !r.wrapper && !r.lowLevelOnly)
      .map((r) => `${r.operationId} (${r.tag}) has no wrapper method and no low-level-only entry`),
    ...Object.entries(wrappers).flatMap(([pkg, methods]) =>
      Object.keys(methods)
        .filter((id) => !known.has(id))
        .map((id) => `${pkg} maps ${id}, which is not in the spec`),
    ),
  ];
  return { rows, problems };
}

/** The table printed by `pnpm spec:check`. */
export function formatCoverage(rows: CoverageRow[]): string {
  const width = Math.max(...rows.map((r) => r.operationId.length));
  const lines = rows.map((r) => {
    const exposed = r.wrapper ?? (r.lowLevelOnly ? `low-level only: ${r.lowLevelOnly}` : "MISSING");
    return `${r.contractTested ? "tested" : "      "}  ${r.operationId.padEnd(width)}  ${exposed}`;
  });
  const wrapped = rows.filter((r) => r.wrapper).length;
  const tested = rows.filter((r) => r.contractTested).length;
  lines.push(
    "",
    `operations: ${rows.length}; wrapped: ${wrapped}; low-level only: ${rows.filter((r) => !r.wrapper && r.lowLevelOnly).length}; contract-tested: ${tested}/${rows.length}`,
  );
  return lines.join("\n");
}
