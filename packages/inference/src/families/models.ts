import type { FriendliClient } from "@friendli-ts/client";
import { getOperation } from "../call-operation.ts";
import type { RequestOptions } from "../request-options.ts";
import type { JsonResult } from "../spec-types.ts";

export type ServerlessModelList = JsonResult<"/serverless/v1/models", "get">;
export type OpenRouterModelList = JsonResult<"/serverless/v1/openrouter/models", "get">;

export interface ModelsApi {
  /** The models serverless endpoints serve, with prices and features. */
  list(options?: RequestOptions): Promise<ServerlessModelList>;
  /** The same catalogue in OpenRouter's listing format. */
  listOpenRouter(options?: RequestOptions): Promise<OpenRouterModelList>;
}

export function modelsApi(client: FriendliClient): ModelsApi {
  return {
    list: (options) => getOperation(client, "/serverless/v1/models", options),
    listOpenRouter: (options) => getOperation(client, "/serverless/v1/openrouter/models", options),
  };
}
