import { packageVitestConfig } from "./src/package-vitest-config.ts";

// The kit's own test starts its own mock server, so the shared one is left out.
export default packageVitestConfig({ mockServer: false });
