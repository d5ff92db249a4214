import { startMockServer } from "./start-mock-server.ts";

// `pnpm mock`: the mock server in the foreground until Ctrl-C.
const server = await startMockServer();
console.log(`mock Friendli API on ${server.url} (Ctrl-C to stop)`);
const stop = () => server.stop().then(() => process.exit(0));
process.once("SIGINT", stop);
process.once("SIGTERM", stop);
