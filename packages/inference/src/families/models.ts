import type { CallOptions, SuccessData } from "@friendli-ts/client";
import { serverlessModelList, serverlessOpenrouterModelList } from "@friendli-ts/client/routes";
import type { FamilyDeclaration } from "../build-family.ts";

export type ServerlessModelList = SuccessData<"/serverless/v1/models", "get">;
export type OpenRouterModelList = SuccessData<"/serverless/v1/openrouter/models", "get">;

export interface ModelsApi {
  /** The models serverless endpoints serve, with prices and features. */
  list(options?: CallOptions): Promise<ServerlessModelList>;
  /** The same catalogue in OpenRouter's listing format. */
  listOpenRouter(options?: CallOptions): Promise<OpenRouterModelList>;
}

/** The serverless model catalogue, in two formats; the calls take no body. */
export const modelsFamily = {
  name: "models",
  methods: {
    list: { routes: { serverless: serverlessModelList }, bodyless: true },
    listOpenRouter: { routes: { serverless: serverlessOpenrouterModelList }, bodyless: true },
  },
} as const satisfies FamilyDeclaration;
