import {
  type EmbeddingModelV4,
  type ImageModelV4,
  InvalidArgumentError,
  type LanguageModelV4,
  type ProviderV4,
  type TranscriptionModelV4,
} from "@ai-sdk/provider";
import { coreOf, secretOf } from "@friendli-ts/client/internal";
import { createFriendliInference, type FriendliInference, type InferenceOptions } from "@friendli-ts/inference";
import { DEPLOYMENTS, type Deployment } from "./deployment.ts";
import { type DeploymentCalls, deploymentCalls } from "./deployment-calls.ts";
import { FriendliChatModel, type ModelConfig } from "./friendli-chat-model.ts";
import { FriendliCompletionModel } from "./friendli-completion-model.ts";
import { FriendliEmbeddingModel } from "./friendli-embedding-model.ts";
import { FriendliImageModel } from "./friendli-image-model.ts";
import { type FriendliTools, friendliTools } from "./friendli-tools.ts";
import { FriendliTranscriptionModel } from "./friendli-transcription-model.ts";
import { type FriendliModelInfo, type ListModelsOptions, listModels } from "./list-models.ts";
import { noSuchModel } from "./no-such-model.ts";

export interface FriendliProviderOptions extends InferenceOptions {
  /**
   * Where the provider's own methods (`friendli(id)`, `friendli.languageModel(id)`, ...) send
   * their calls; default `"serverless"`. `friendli.serverless`, `friendli.dedicated` and
   * `friendli.container` name one whatever this says.
   */
  deployment?: Deployment;
}

/** The models of one deployment. `(id)` is its chat model. */
export interface FriendliDeploymentProvider {
  (modelId: string): LanguageModelV4;
  /** Chat (`/v1/chat/completions`). */
  languageModel(modelId: string): LanguageModelV4;
  /** Text completion of a raw prompt (`/v1/completions`), as a language model. */
  completionModel(modelId: string): LanguageModelV4;
  /** Embeddings: dedicated endpoints only; elsewhere a `NoSuchModelError`. */
  embeddingModel(modelId: string): EmbeddingModelV4;
  /** Image generation: dedicated endpoints and containers; on serverless a `NoSuchModelError`. */
  imageModel(modelId: string): ImageModelV4;
  /** Audio transcription (multipart upload). */
  transcriptionModel(modelId: string): TranscriptionModelV4;
}

/** A Friendli provider for the AI SDK: the default deployment's models, and each deployment by name. */
export interface FriendliProvider extends FriendliDeploymentProvider, Omit<ProviderV4, "transcriptionModel"> {
  readonly specificationVersion: "v4";
  /** Serverless models, by model id (`"meta-llama-3.1-8b-instruct"`). */
  readonly serverless: FriendliDeploymentProvider;
  /** Dedicated endpoints, by endpoint id (`"ep-..."`, or `"ep-...:adapter-route"`). */
  readonly dedicated: FriendliDeploymentProvider;
  /** A Friendli Container at `options.container.baseURL`; the model id may be `""` (its one model). */
  readonly container: FriendliDeploymentProvider;
  /** The Friendli inference client behind every model (`client`, `withOptions`, ...). */
  readonly inference: FriendliInference;
  /**
   * Friendli's built-in tools (`friendli.tools.webSearch()`, ...), which Friendli runs
   * itself: give them in `tools` beside your own, with a serverless model.
   */
  readonly tools: FriendliTools;
  /**
   * The serverless models Friendli serves now, from its public list, with what each can do:
   * for an app that lets its user pick a model at run time.
   */
  listModels(options?: ListModelsOptions): Promise<FriendliModelInfo[]>;
}

/**
 * A Friendli provider over this SDK's inference client: its retries, timeouts, typed errors
 * and redaction. The client is made at the first call, so creating the provider reads no
 * environment and sends nothing.
 */
export function createFriendli(options: FriendliProviderOptions = {}): FriendliProvider {
  const { deployment = "serverless", ...inferenceOptions } = options;
  let inference: FriendliInference | undefined;
  const getInference = () => {
    inference ??= createFriendliInference(inferenceOptions);
    return inference;
  };
  const serverless = deploymentProvider("serverless", getInference, options);
  const dedicated = deploymentProvider("dedicated", getInference, options);
  const container = deploymentProvider("container", getInference, options);
  // Own fields only: a `deployment` of "constructor" must not pick a prototype's function.
  const byName = new Map([
    ["serverless", serverless],
    ["dedicated", dedicated],
    ["container", container],
  ]);
  const chosen = byName.get(deployment);
  if (!chosen) {
    throw new InvalidArgumentError({
      argument: "deployment",
      message: `deployment must be one of ${DEPLOYMENTS.join(", ")}; got ${JSON.stringify(String(deployment))}`,
    });
  }
  const provider = Object.assign((modelId: string) => chosen(modelId), {
    specificationVersion: "v4" as const,
    languageModel: chosen.languageModel,
    completionModel: chosen.completionModel,
    embeddingModel: chosen.embeddingModel,
    imageModel: chosen.imageModel,
    transcriptionModel: chosen.transcriptionModel,
    serverless,
    dedicated,
    container,
    tools: friendliTools,
    listModels: (listOptions?: ListModelsOptions) => {
      const inference = getInference();
      const secret = (owner: unknown) => secretOf(owner, coreOf(inference.client));
      return listModels(inference, secret, `${inference.client.options.baseURL}/serverless/v1/models`, listOptions);
    },
  });
  Object.defineProperty(provider, "inference", { get: getInference, enumerable: true });
  return provider as FriendliProvider;
}

function deploymentProvider(
  deployment: Deployment,
  getInference: () => FriendliInference,
  options: FriendliProviderOptions,
): FriendliDeploymentProvider {
  let calls: DeploymentCalls | undefined;
  const config = (kind: string): ModelConfig => ({
    provider: `friendli.${deployment}.${kind}`,
    deployment,
    get calls() {
      calls ??= deploymentCalls(getInference(), deployment);
      return calls;
    },
    // The client's token (a container's calls send none), or the one recorded on a result or stream.
    secretOf: (owner) => secretOf(owner, coreOf(getInference().client)),
    url: (path) => {
      // Options the client refuses fail the call itself (as the AI SDK's error), inside the
      // model's error handling; the URL for the report is then the path alone.
      try {
        return operationUrl(deployment, getInference(), options, path);
      } catch {
        return path;
      }
    },
  });
  const languageModel = (modelId: string) => new FriendliChatModel(modelId, config("chat"));
  return Object.assign(languageModel, {
    languageModel,
    completionModel: (modelId: string) => new FriendliCompletionModel(modelId, config("completion")),
    embeddingModel: (modelId: string) => {
      if (deployment !== "dedicated") throw noSuchModel(deployment, "embeddingModel", modelId);
      return new FriendliEmbeddingModel(modelId, config("embedding"));
    },
    imageModel: (modelId: string) => {
      if (deployment === "serverless") throw noSuchModel(deployment, "imageModel", modelId);
      // Added to the config, not spread from it: a spread would read `calls` and make the client now.
      const imageConfig = Object.assign(config("image"), {
        client: () => getInference().client,
        container: deployment === "container",
      });
      return new FriendliImageModel(modelId, imageConfig);
    },
    transcriptionModel: (modelId: string) => new FriendliTranscriptionModel(modelId, config("transcription")),
  });
}

/** The URL an operation goes to, for error reports when the client gives none. */
function operationUrl(
  deployment: Deployment,
  inference: FriendliInference,
  options: FriendliProviderOptions,
  path: string,
): string {
  if (deployment === "container") return `${options.container?.baseURL ?? inference.client.options.baseURL}${path}`;
  return `${inference.client.options.baseURL}/${deployment}${path}`;
}

/** The default provider: serverless, the token from `FRIENDLI_TOKEN`. */
export const friendli: FriendliProvider = createFriendli();
