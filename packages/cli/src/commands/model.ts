/** The model when neither `--model` nor FRIENDLI_MODEL says: a small serverless model. */
const DEFAULT_MODEL = "meta-llama-3.1-8b-instruct";

export const modelHelp = `model to use; an endpoint id with --dedicated (default: $FRIENDLI_MODEL or ${DEFAULT_MODEL})`;

export function pickModel(given: string | undefined): string {
  return given ?? process.env.FRIENDLI_MODEL ?? DEFAULT_MODEL;
}
