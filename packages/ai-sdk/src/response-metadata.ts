import { redact } from "@friendli-ts/client/internal";

/** A Unix time in seconds as a Date; absent when it is not one a Date can hold (negative, `1e20`). */
function timestampOf(created: unknown): Date | undefined {
  if (typeof created !== "number" || !(created >= 0)) return undefined;
  const date = new Date(created * 1000);
  return Number.isNaN(date.getTime()) ? undefined : date;
}

/** The response's id, model and time, where the API sent them; the texts redacted with the call's secret. */
export function responseMetadata(
  result: { id?: unknown; model?: unknown; created?: unknown },
  secret: string | null,
): { id?: string; modelId?: string; timestamp?: Date } {
  const timestamp = timestampOf(result.created);
  return {
    ...(typeof result.id === "string" ? { id: redact(result.id, secret) } : {}),
    ...(typeof result.model === "string" ? { modelId: redact(result.model, secret) } : {}),
    ...(timestamp ? { timestamp } : {}),
  };
}
