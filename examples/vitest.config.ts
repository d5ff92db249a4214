import { packageVitestConfig } from "@friendli-ts/test-kit/vitest-config";
import { mergeConfig } from "vitest/config";

// The workspace's config (packages from source, a JSON report for the closing total); the
// examples' test starts its own mock, so no run-wide one.
export default mergeConfig(packageVitestConfig({ mockServer: false }), { test: { include: ["*.test.ts"] } });
