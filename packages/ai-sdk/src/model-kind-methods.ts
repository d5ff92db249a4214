/**
 * The `@friendli-ts/inference` methods each model kind of the provider calls, per
 * deployment. Read by `pnpm spec:diff` to tell which models a spec change reaches; not
 * imported by the provider (a test checks it against `deploymentCalls`).
 */
export const modelKindMethods = {
  languageModel: [
    "serverless.chat.complete",
    "serverless.chat.stream",
    "dedicated.chat.complete",
    "dedicated.chat.stream",
    "container.chat.complete",
    "container.chat.stream",
    "serverless.toolAssistedChat.stream",
  ],
  completionModel: [
    "serverless.completions.complete",
    "serverless.completions.stream",
    "dedicated.completions.complete",
    "dedicated.completions.stream",
    "container.completions.complete",
    "container.completions.stream",
  ],
  embeddingModel: ["dedicated.embeddings.create"],
  imageModel: [
    "dedicated.images.generate",
    "container.images.generate",
    "dedicated.images.edit",
    "container.images.edit",
  ],
  transcriptionModel: [
    "serverless.audio.transcriptions.create",
    "dedicated.audio.transcriptions.create",
    "container.audio.transcriptions.create",
  ],
} as const satisfies Record<string, readonly string[]>;
