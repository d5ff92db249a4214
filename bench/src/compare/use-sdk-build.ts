// `node --import tsx --import ./use-sdk-build.ts`: the child of bench:compare imports the SDK
// packages from the build at FRIENDLI_BENCH_BUILD (see sdk-build-hooks.ts).
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { register } from "node:module";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { SdkBuild } from "./sdk-build-hooks.ts";

const thisRepo = join(dirname(fileURLToPath(import.meta.url)), "../../..");
const root = process.env.FRIENDLI_BENCH_BUILD;
if (!root) throw new Error("use-sdk-build: FRIENDLI_BENCH_BUILD names no build");

// The packages this tree has: a name the base lacks then fails to resolve, rather than
// quietly loading this tree's copy.
const packages: SdkBuild["packages"] = {};
for (const folder of readdirSync(join(thisRepo, "packages"))) {
  const manifest = join(thisRepo, "packages", folder, "package.json");
  if (existsSync(manifest)) packages[JSON.parse(readFileSync(manifest, "utf8")).name] = `packages/${folder}`;
}

register("./sdk-build-hooks.ts", import.meta.url, { data: { root, packages } satisfies SdkBuild });
