// The error classes alone, for the wrappers to re-export: one installed wrapper is enough
// to `instanceof` every error it can throw.
export * from "./errors/index.ts";
