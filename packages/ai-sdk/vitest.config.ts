import { packageVitestConfig } from "@friendli-ts/test-kit/vitest-config";

// The AI SDK 7 needs Node 22 or later; on an older Node no test runs, and the closing line of
// `pnpm test` names this suite and the reason.
const major = Number(process.versions.node.split(".")[0]);

export default packageVitestConfig(
  major >= 22 ? {} : { skipSuite: `the AI SDK 7 needs Node 22+, this is Node ${process.versions.node}` },
);
