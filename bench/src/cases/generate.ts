import { spawnSync } from "node:child_process";
import { join } from "node:path";

/** Case 5: wall time (ms) of one `tsx scripts/codegen/generate.ts` at the repo root (the full spec). */
export function timeGenerate(repoRoot: string): number {
  const tsx = join(repoRoot, "node_modules", ".bin", "tsx");
  const start = performance.now();
  const child = spawnSync(tsx, ["scripts/codegen/generate.ts"], { cwd: repoRoot, stdio: "pipe" });
  const ms = performance.now() - start;
  if (child.status !== 0) throw new Error(`pnpm generate failed:\n${child.stdout}${child.stderr}`);
  return ms;
}
