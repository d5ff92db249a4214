import type * as FriendliOptionSchemas from "./option-schemas.ts";

export {
  createFriendli,
  type FriendliDeploymentProvider,
  type FriendliProvider,
  type FriendliProviderOptions,
  friendli,
} from "./create-friendli.ts";
export type { Deployment } from "./deployment.ts";
export type { FriendliChatOptions } from "./friendli-chat-options.ts";
export type { FriendliImageOptions } from "./friendli-image-model.ts";
export { type FriendliBuiltInTool, type FriendliTools, friendliTools } from "./friendli-tools.ts";
export type { FriendliTranscriptionOptions } from "./friendli-transcription-model.ts";
export type { FriendliModelInfo, ListModelsOptions } from "./list-models.ts";
// The schemas the option types are read from, under one name (types only: nothing more is bundled).
export type { FriendliOptionSchemas };
