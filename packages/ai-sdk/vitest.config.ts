import { packageVitestConfig } from "@friendli-ts/test-kit/vitest-config";

// The AI SDK 7 needs Node 22 or later; on an older Node the run says so once and passes empty.
const supported = Number(process.versions.node.split(".")[0]) >= 22;
if (!supported) {
  console.warn(`@friendli-ts/ai-sdk: tests skipped on Node ${process.versions.node} (the AI SDK 7 needs Node 22+)`);
}

const config = packageVitestConfig({ mockServer: supported });

export default supported
  ? config
  : { ...config, test: { ...config.test, include: [], typecheck: { include: [] }, passWithNoTests: true } };
