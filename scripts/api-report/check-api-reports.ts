import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { dirname, join, relative } from "node:path";
import { createTwoFilesPatch } from "diff";
import { findPublishedEntries, type PublishedEntry } from "./find-published-entries.ts";
import { renderPackageReports } from "./render-package-reports.ts";

export interface ApiReportOutcome {
  /** Reports (paths from the root) that differ from the built `.d.ts`, are missing, or have no entry. */
  changed: string[];
  /** A unified diff per changed report, committed file first. */
  diffs: string[];
  /** Warnings and errors from api-extractor. */
  messages: string[];
  errorCount: number;
  entryCount: number;
}

/**
 * Renders the report of every published entry from its built `.d.ts` and compares it with
 * the committed `etc/<entry>.api.md`. With `update`, writes the reports that differ and
 * deletes the ones whose entry is gone; without it, only tells.
 */
export function checkApiReports(root: string, { update = false } = {}): ApiReportOutcome {
  const entries = findPublishedEntries(root);
  const outcome: ApiReportOutcome = { changed: [], diffs: [], messages: [], errorCount: 0, entryCount: entries.length };
  const byPackage = new Map<string, PublishedEntry[]>();
  for (const entry of entries) byPackage.set(entry.packageDir, [...(byPackage.get(entry.packageDir) ?? []), entry]);

  for (const entry of entries) {
    if (!existsSync(entry.typesFile)) {
      outcome.errorCount++;
      outcome.messages.push(
        `${entry.packageName} ${entry.subpath}: ${relative(root, entry.typesFile)} is missing (run pnpm build)`,
      );
    }
  }
  if (outcome.errorCount) return outcome;

  for (const packageEntries of byPackage.values()) {
    for (const { entry, text, messages, errorCount } of renderPackageReports(packageEntries)) {
      outcome.messages.push(...messages);
      outcome.errorCount += errorCount;
      const committed = existsSync(entry.reportFile) ? readFileSync(entry.reportFile, "utf8") : undefined;
      if (committed === text) continue;
      const path = relative(root, entry.reportFile);
      outcome.changed.push(path);
      outcome.diffs.push(createTwoFilesPatch(path, path, committed ?? "", text, "committed", "from dist"));
      if (update) {
        mkdirSync(dirname(entry.reportFile), { recursive: true });
        writeFileSync(entry.reportFile, text);
      }
    }
  }

  // A report left behind by an entry that is gone is a change to the surface too.
  const expected = new Set(entries.map((e) => e.reportFile));
  for (const packageDir of byPackage.keys()) {
    const etc = join(packageDir, "etc");
    if (!existsSync(etc)) continue;
    for (const name of readdirSync(etc).filter((n) => n.endsWith(".api.md"))) {
      const file = join(etc, name);
      if (expected.has(file)) continue;
      const path = relative(root, file);
      outcome.changed.push(path);
      outcome.diffs.push(`${path}: no published entry has this report`);
      if (update) rmSync(file);
    }
  }
  return outcome;
}
