import { packageVitestConfig } from "@friendli-ts/test-kit/vitest-config";

// The workspace's config: one mock server for the run, which the README blocks are run against.
export default packageVitestConfig();
