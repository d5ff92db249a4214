import { packageVitestConfig } from "@friendli-ts/test-kit/vitest-config";

export default packageVitestConfig();
