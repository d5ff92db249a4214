import { resolve } from "node:path";
import { repoRoot } from "../spec/paths.ts";
import { checkApiReports } from "./check-api-reports.ts";

// pnpm api:check: the API report of every published entry (packages/*/etc/*.api.md), made
// from the built .d.ts, must match the committed one; fails listing the differences.
// pnpm api:report (--update): writes the reports that changed. Both need `pnpm build` first.
// --root <dir> checks another checkout (the test's temp copy).
const args = process.argv.slice(2);
const update = args.includes("--update");
const rootAt = args.indexOf("--root");
const root = rootAt >= 0 ? resolve(args[rootAt + 1] ?? ".") : repoRoot;
const started = performance.now();
const outcome = checkApiReports(root, { update });
const seconds = ((performance.now() - started) / 1000).toFixed(1);

for (const message of outcome.messages) console.error(message);
if (outcome.errorCount) {
  console.error(`api-report: ${outcome.errorCount} error(s)`);
  process.exit(1);
}
if (update) {
  const written = outcome.changed.length ? outcome.changed.map((p) => `  ${p}`).join("\n") : "  (none changed)";
  console.log(`api-report: ${outcome.entryCount} entries in ${seconds} s; updated:\n${written}`);
} else if (outcome.changed.length) {
  console.error(outcome.diffs.join("\n"));
  console.error(
    `api:check failed: the public surface differs from the committed report in\n${outcome.changed.map((p) => `  - ${p}`).join("\n")}\n` +
      "If the change is meant, run `pnpm api:report` and commit the reports (and a changeset for a removed name).",
  );
  process.exit(1);
} else {
  console.log(`api:check: ${outcome.entryCount} entries match their reports (${seconds} s)`);
}
