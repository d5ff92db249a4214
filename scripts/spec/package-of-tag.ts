/** Which wrapper package exposes the operations of a spec tag. */
export function packageOfTag(tag: string): string {
  if (tag === "Dedicated.Endpoint" || tag === "Cost" || tag === "Usage") return "@friendli-ts/endpoints";
  if (tag === "Dataset" || tag === "File") return "@friendli-ts/datasets";
  if (/^(Serverless|Dedicated|Container)\./.test(tag)) return "@friendli-ts/inference";
  return "@friendli-ts/client";
}
