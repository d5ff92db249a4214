// Node-only helpers for testing code that uses the SDK; not part of the runtime bundle.
export { type MockServer, type MockServerOptions, startMockServer } from "./start-mock-server.ts";
export { formatCall, parseCall, type RecordedCall } from "./start-recording-proxy.ts";
