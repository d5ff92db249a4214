import { packageVitestConfig } from "@friendli-ts/test-kit/vitest-config";

// The bench's own test checks its inputs and outputs (no timings); it needs no mock server.
export default packageVitestConfig({ mockServer: false });
