import type { SharedClientOptions } from "@friendli-ts/client";
import { type CallCore, callCoreFromSharedOptions } from "@friendli-ts/client/internal";

/**
 * The one table of deployment kinds: where each mounts its inference routes, and which
 * families it has. `createFriendliInference` builds its namespaces from it.
 */
export const DEPLOYMENT_KINDS = {
  serverless: {
    prefix: "/serverless",
    families: [
      "chat",
      "completions",
      "responses",
      "messages",
      "token",
      "audio",
      "toolAssistedChat",
      "knowledge",
      "models",
    ],
  },
  dedicated: {
    prefix: "/dedicated",
    families: [
      "chat",
      "completions",
      "responses",
      "messages",
      "token",
      "audio",
      "embeddings",
      "images",
      "classification",
    ],
  },
  // A Friendli Container serves at the root, needs no token and takes `model` optionally.
  container: {
    prefix: "",
    families: ["chat", "completions", "responses", "messages", "token", "audio", "images", "classification"],
  },
} as const;

export type DeploymentKind = keyof typeof DEPLOYMENT_KINDS;
export type PrefixOf<K extends DeploymentKind> = (typeof DEPLOYMENT_KINDS)[K]["prefix"];
/** The kinds that have family `F`. */
export type KindsWith<F extends string> = {
  [K in DeploymentKind]: F extends (typeof DEPLOYMENT_KINDS)[K]["families"][number] ? K : never;
}[DeploymentKind];

/**
 * The call core of one kind from the options every factory takes. A container's token
 * defaults to none: it is your own server, and a Friendli token should not reach it.
 */
export function coreForKind(kind: DeploymentKind, options: SharedClientOptions = {}): CallCore {
  return callCoreFromSharedOptions(kind === "container" && !options.client ? { token: null, ...options } : options);
}

/** A family's factory: it takes the prefixes of the kinds that have the family (`FamilyApis`). */
export type FamilyFactory = (core: CallCore, prefix: never) => object;

/**
 * Builds one family of one kind. Each factory takes only the prefixes of its own kinds, which
 * the kinds table lists and the type tests check against \`FamilyApis\`; TypeScript cannot
 * follow a family from that table to its factory, so this is the one place that says so.
 */
export function buildFamily(factory: FamilyFactory, core: CallCore, kind: DeploymentKind): object {
  return factory(core, DEPLOYMENT_KINDS[kind].prefix as never);
}
