// The mock of the Friendli API for contract tests (Node only): every name of the in-process
// entry (`./in-process`, web APIs only, for browsers and workers), plus what needs Node: the
// Prism server, the recorded calls' text format, and a createMockFetch that loads the shipped
// spec by itself. The drift check is `./drift`.

export * from "./in-process/index.ts";
export type { CorsOptions } from "./mock/cors-headers.ts";
// Named here, it takes the place of the in-process entry's createMockFetch (which needs `spec`).
export { createMockFetch } from "./mock/create-mock-fetch-node.ts";
export { type MockServer, type MockServerOptions, startMockServer } from "./mock/start-mock-server.ts";
export { formatCall, parseCall } from "./mock/start-recording-proxy.ts";
