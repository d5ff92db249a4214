import { packageVitestConfig } from "../../scripts/testing/package-vitest-config.ts";

export default packageVitestConfig();
