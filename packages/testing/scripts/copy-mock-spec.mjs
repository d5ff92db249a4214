// Ships the normalised spec beside the mock (dist/mock/), so `startMockServer()` needs no path:
// the mock server's copy (no `#stream` path keys) and the whole normalised spec, whose stream
// operations hold the event schemas that scripted replies are checked against.
// Both are generated at build time from the pinned file; they are never committed.
import { copyFileSync, existsSync } from "node:fs";

for (const name of ["friendli-openapi.mock.json", "friendli-openapi.normalized.json"]) {
  const from = new URL(`../../../.spec/${name}`, import.meta.url);
  if (!existsSync(from)) {
    console.error(`no .spec/${name}: run \`pnpm generate\` at the repository root first`);
    process.exit(1);
  }
  copyFileSync(from, new URL(`../dist/mock/${name}`, import.meta.url));
}
