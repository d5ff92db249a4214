/**
 * Where a model runs, always chosen by the caller: `serverless` (a model id), `dedicated` (an
 * endpoint id, or `endpoint-id:adapter-route`) or `container` (a Friendli Container at its own
 * base URL). Never guessed from the model id.
 */
export type Deployment = "serverless" | "dedicated" | "container";

export const DEPLOYMENTS: readonly Deployment[] = ["serverless", "dedicated", "container"];

/** The model kinds the AI SDK asks a provider for. */
export type ModelKind = "languageModel" | "completionModel" | "embeddingModel" | "imageModel" | "transcriptionModel";

/** Which kinds each deployment serves, as the Friendli API has operations for them. */
export const KINDS_OF: Record<Deployment, readonly ModelKind[]> = {
  serverless: ["languageModel", "completionModel", "transcriptionModel"],
  dedicated: ["languageModel", "completionModel", "embeddingModel", "imageModel", "transcriptionModel"],
  container: ["languageModel", "completionModel", "imageModel", "transcriptionModel"],
};
