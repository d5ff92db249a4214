// Ships the normalised spec beside the testing entry, so `startMockServer()` needs no path.
// The spec is generated at build time from the pinned file; it is never committed.
import { copyFileSync, existsSync } from "node:fs";

const from = new URL("../../../.spec/friendli-openapi.mock.json", import.meta.url);
if (!existsSync(from)) {
  console.error("no .spec/friendli-openapi.mock.json: run `pnpm generate` at the repository root first");
  process.exit(1);
}
copyFileSync(from, new URL("../dist/testing/friendli-openapi.mock.json", import.meta.url));
