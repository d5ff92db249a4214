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
/** The kind mounted at prefix `P`. */
export type KindAt<P extends string> = { [K in DeploymentKind]: P extends PrefixOf<K> ? K : never }[DeploymentKind];
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
