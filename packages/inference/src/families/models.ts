import type { CallOptions, FriendliClient, SuccessData } from "@friendli-ts/client";
import { getOperation } from "../call-operation.ts";

export type ServerlessModelList = SuccessData<"/serverless/v1/models", "get">;
export type OpenRouterModelList = SuccessData<"/serverless/v1/openrouter/models", "get">;

export interface ModelsApi {
  /** The models serverless endpoints serve, with prices and features. */
  list(options?: CallOptions): Promise<ServerlessModelList>;
  /** The same catalogue in OpenRouter's listing format. */
  listOpenRouter(options?: CallOptions): Promise<OpenRouterModelList>;
}

export function modelsApi(client: FriendliClient): ModelsApi {
  return {
    list: (options) => getOperation(client, "/serverless/v1/models", options),
    listOpenRouter: (options) => getOperation(client, "/serverless/v1/openrouter/models", options),
  };
}
