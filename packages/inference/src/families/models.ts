import type { CallOptions, SuccessData } from "@friendli-ts/client";
import { type CallCore, requestData } from "@friendli-ts/client/internal";
import { serverlessModelList, serverlessOpenrouterModelList } from "@friendli-ts/client/routes";

export type ServerlessModelList = SuccessData<"/serverless/v1/models", "get">;
export type OpenRouterModelList = SuccessData<"/serverless/v1/openrouter/models", "get">;

export interface ModelsApi {
  /** The models serverless endpoints serve, with prices and features. */
  list(options?: CallOptions): Promise<ServerlessModelList>;
  /** The same catalogue in OpenRouter's listing format. */
  listOpenRouter(options?: CallOptions): Promise<OpenRouterModelList>;
}

export function modelsApi(core: CallCore): ModelsApi {
  return {
    list: async (options) => requestData(core, "serverless.models.list", { route: serverlessModelList }, options),
    listOpenRouter: async (options) =>
      requestData(core, "serverless.models.listOpenRouter", { route: serverlessOpenrouterModelList }, options),
  };
}

/** The spec operations this file calls, by method name (collected in operation-methods.ts). */
export const modelsMethods = {
  serverlessModelList: "serverless.models.list",
  serverlessOpenrouterModelList: "serverless.models.listOpenRouter",
} as const;
