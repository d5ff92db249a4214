import { type ClientOptions, createFriendliClient, type FriendliClient } from "@friendli-ts/client";
import { clientFromOptions } from "@friendli-ts/client/internal";
import { type AudioApi, audioApi } from "./families/audio.ts";
import { type ChatApi, chatApi } from "./families/chat.ts";
import { type ChatRenderApi, chatRenderApi } from "./families/chat-render.ts";
import { type ClassificationApi, classificationApi } from "./families/classification.ts";
import { type CompletionsApi, completionsApi } from "./families/completions.ts";
import { type EmbeddingsApi, embeddingsApi } from "./families/embeddings.ts";
import { type ImagesApi, imagesApi } from "./families/images.ts";
import { type KnowledgeApi, knowledgeApi } from "./families/knowledge.ts";
import { type MessagesApi, messagesApi } from "./families/messages.ts";
import { type ModelsApi, modelsApi } from "./families/models.ts";
import { type ResponsesApi, responsesApi } from "./families/responses.ts";
import { type TokenApi, tokenApi } from "./families/token.ts";
import { type ToolAssistedChatApi, toolAssistedChatApi } from "./families/tool-assisted-chat.ts";

export interface ServerlessInference {
  chat: ChatApi<"/serverless"> & ChatRenderApi<"/serverless">;
  completions: CompletionsApi<"/serverless">;
  responses: ResponsesApi<"/serverless">;
  messages: MessagesApi<"/serverless">;
  token: TokenApi<"/serverless">;
  audio: AudioApi<"/serverless">;
  toolAssistedChat: ToolAssistedChatApi;
  knowledge: KnowledgeApi;
  models: ModelsApi;
}

/** Dedicated endpoints: `model` is the endpoint id (or `endpoint-id:adapter-route`). */
export interface DedicatedInference {
  chat: ChatApi<"/dedicated"> & ChatRenderApi<"/dedicated">;
  completions: CompletionsApi<"/dedicated">;
  responses: ResponsesApi<"/dedicated">;
  messages: MessagesApi<"/dedicated">;
  token: TokenApi<"/dedicated">;
  audio: AudioApi<"/dedicated">;
  embeddings: EmbeddingsApi;
  images: ImagesApi<"/dedicated">;
  classification: ClassificationApi<"/dedicated">;
}

/** A Friendli Container you run: its own base URL, no token needed, `model` optional. */
export interface ContainerInference {
  chat: ChatApi<"">;
  completions: CompletionsApi<"">;
  responses: ResponsesApi<"">;
  messages: MessagesApi<"">;
  token: TokenApi<"">;
  audio: AudioApi<"">;
  images: ImagesApi<"">;
  classification: ClassificationApi<"">;
}

export interface FriendliInference {
  serverless: ServerlessInference;
  dedicated: DedicatedInference;
  container: ContainerInference;
  /** The low-level client behind `serverless` and `dedicated`, for anything not wrapped here. */
  client: FriendliClient;
  /** The same API with some client options changed (timeouts, retries, team, ...). */
  withOptions(options: ClientOptions): FriendliInference;
}

export interface InferenceOptions extends ClientOptions {
  /**
   * Where `container` sends its calls, e.g. `{ baseURL: "http://localhost:8000" }`. Its token
   * defaults to none. Without it, `container` uses the same client as the rest.
   */
  container?: ClientOptions;
  /**
   * An existing low-level client to share: used as is when no other client option is
   * given, else `client.withOptions(...)` of the options given here.
   */
  client?: FriendliClient;
}

export function serverlessInference(client: FriendliClient): ServerlessInference {
  return {
    chat: { ...chatApi(client, "/serverless"), ...chatRenderApi(client, "/serverless") },
    completions: completionsApi(client, "/serverless"),
    responses: responsesApi(client, "/serverless"),
    messages: messagesApi(client, "/serverless"),
    token: tokenApi(client, "/serverless"),
    audio: audioApi(client, "/serverless"),
    toolAssistedChat: toolAssistedChatApi(client),
    knowledge: knowledgeApi(client),
    models: modelsApi(client),
  };
}

export function dedicatedInference(client: FriendliClient): DedicatedInference {
  return {
    chat: { ...chatApi(client, "/dedicated"), ...chatRenderApi(client, "/dedicated") },
    completions: completionsApi(client, "/dedicated"),
    responses: responsesApi(client, "/dedicated"),
    messages: messagesApi(client, "/dedicated"),
    token: tokenApi(client, "/dedicated"),
    audio: audioApi(client, "/dedicated"),
    embeddings: embeddingsApi(client),
    images: imagesApi(client, "/dedicated"),
    classification: classificationApi(client, "/dedicated"),
  };
}

export function containerInference(client: FriendliClient): ContainerInference {
  return {
    chat: chatApi(client, ""),
    completions: completionsApi(client, ""),
    responses: responsesApi(client, ""),
    messages: messagesApi(client, ""),
    token: tokenApi(client, ""),
    audio: audioApi(client, ""),
    images: imagesApi(client, ""),
    classification: classificationApi(client, ""),
  };
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
    serverless: serverlessInference(client),
    dedicated: dedicatedInference(client),
    container: containerInference(containerClient),
    client,
    withOptions: (overrides) => {
      const next = client.withOptions(overrides);
      return build(next, containerClient === client ? next : containerClient.withOptions(overrides));
    },
  };
}
