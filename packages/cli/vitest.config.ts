import { packageVitestConfig } from "@friendli-ts/test-kit/vitest-config";

// Every test runs the bin as a process, several at once: give them room on a busy machine.
export default packageVitestConfig({ testTimeout: 60_000 });
