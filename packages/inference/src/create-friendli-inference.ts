import {
  type ClientOptions,
  createFriendliClient,
  type FriendliClient,
  type SharedClientOptions,
} from "@friendli-ts/client";
import { clientFromOptions, coreOf } from "@friendli-ts/client/internal";
import { buildFamily } from "./build-family.ts";
import { DEPLOYMENT_KINDS, type DeploymentKind, type PrefixOf } from "./deployment-kinds.ts";
import { FAMILIES, type FamilyApis } from "./families/family-apis.ts";

/** The families of one deployment kind, as the kinds table lists them. */
export type KindInference<K extends DeploymentKind> = {
  [F in (typeof DEPLOYMENT_KINDS)[K]["families"][number]]: FamilyApis<PrefixOf<K>>[F];
};

export type ServerlessInference = KindInference<"serverless">;
/** Dedicated endpoints: `model` is the endpoint id (or `endpoint-id:adapter-route`). */
export type DedicatedInference = KindInference<"dedicated">;
/** A Friendli Container you run: its own base URL, no token needed, `model` optional. */
export type ContainerInference = KindInference<"container">;

export interface FriendliInference {
  serverless: ServerlessInference;
  dedicated: DedicatedInference;
  container: ContainerInference;
  /** The low-level client behind `serverless` and `dedicated`, for anything not wrapped here. */
  client: FriendliClient;
  /** The same API with some client options changed (timeouts, retries, team, ...). */
  withOptions(options: ClientOptions): FriendliInference;
}

export interface InferenceOptions extends SharedClientOptions {
  /**
   * Where `container` sends its calls, e.g. `{ baseURL: "http://localhost:8000" }`. Its token
   * defaults to none. Without it, `container` uses the same client as the rest.
   */
  container?: ClientOptions;
}

/** Every family of one kind over a client's core, from the kinds table. */
function kindInference<K extends DeploymentKind>(client: FriendliClient, kind: K): KindInference<K> {
  const core = coreOf(client);
  const built = DEPLOYMENT_KINDS[kind].families.map((family) => [family, buildFamily(FAMILIES[family], core, kind)]);
  // The table and FamilyApis say the same thing; the type tests hold them together.
  return Object.fromEntries(built) as KindInference<K>;
}

/**
 * Friendli inference with namespaces like the Python SDK's: `serverless`, `dedicated` and
 * `container`, then `chat`, `completions`, `responses`, `messages`, `token`, `audio`, ...
 */
export function createFriendliInference(options: InferenceOptions = {}): FriendliInference {
  const { container, ...shared } = options;
  const client = clientFromOptions(shared);
  const containerClient = container ? createFriendliClient({ token: null, ...container }) : client;
  return build(client, containerClient);
}

function build(client: FriendliClient, containerClient: FriendliClient): FriendliInference {
  return {
    serverless: kindInference(client, "serverless"),
    dedicated: kindInference(client, "dedicated"),
    container: kindInference(containerClient, "container"),
    client,
    withOptions: (overrides) => {
      const next = client.withOptions(overrides);
      return build(next, containerClient === client ? next : containerClient.withOptions(overrides));
    },
  };
}
