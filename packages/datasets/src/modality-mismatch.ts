import type { DatasetModality, ModalityType } from "./spec-types.ts";

/** Why a sample's modalities do not fit the dataset's, or null when they do. */
export function modalityMismatch(
  used: { input: ReadonlySet<ModalityType>; output: ReadonlySet<ModalityType> },
  dataset: DatasetModality,
): string | null {
  const accepted = new Set(dataset.input_modals ?? []);
  const extra = [...used.input].filter((m) => !accepted.has(m));
  if (extra.length > 0) {
    return `uses ${extra.join(", ")} input but the dataset's input modality is ${list(accepted)}`;
  }
  const outputs = new Set(dataset.output_modals ?? []);
  // An empty output list means the dataset did not restrict outputs.
  const extraOut = outputs.size === 0 ? [] : [...used.output].filter((m) => !outputs.has(m));
  if (extraOut.length > 0) {
    return `uses ${extraOut.join(", ")} output but the dataset's output modality is ${list(outputs)}`;
  }
  return null;
}

function list(set: ReadonlySet<string>): string {
  return set.size === 0 ? "empty" : [...set].join(", ");
}
