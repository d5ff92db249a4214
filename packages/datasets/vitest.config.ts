import { fileURLToPath } from "node:url";
import { packageVitestConfig } from "@friendli-ts/test-kit/vitest-config";
import { mergeConfig } from "vitest/config";

// The client's `/internal` and `/errors` entries from source as well, so the tests load one
// copy of the client (the shared config maps only its main and `/testing` entries so far).
const clientEntry = (name: string) => ({
  find: new RegExp(`^@friendli-ts/client/${name}$`),
  replacement: fileURLToPath(new URL(`../client/src/${name}.ts`, import.meta.url)),
});

export default mergeConfig(packageVitestConfig(), {
  resolve: { alias: [clientEntry("internal"), clientEntry("errors")] },
});
