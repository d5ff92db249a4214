import type { CallInit, CallOptions, components, paths, SuccessData } from "@friendli-ts/client";

type Schemas = components["schemas"];
type Method = "get" | "post" | "put" | "patch" | "delete";

/** What a spec operation resolves to on success, straight from the generated types. */
export type Result<P extends keyof paths, M extends Method> = SuccessData<P, M, CallInit<P, M>>;

/** The query parameters a spec operation takes. */
export type Query<P extends keyof paths, M extends Method> = paths[P][M] extends {
  parameters: { query?: infer Q };
}
  ? NonNullable<Q>
  : never;

/** The JSON (or multipart) body a spec operation takes. */
export type Body<P extends keyof paths, M extends Method> = paths[P][M] extends {
  requestBody?: { content: infer C };
}
  ? C[keyof C]
  : never;

export type DatasetInfo = Schemas["DatasetInfo"];
export type DatasetModality = Schemas["DedicatedDatasetModality"];
export type ModalityType = Schemas["DedicatedDatasetModalityType"];
export type SplitInfo = Schemas["SplitInfo"];
export type VersionInfo = Schemas["VersionInfo"];
export type FileInfo = Schemas["FileInfo"];
export type FileInitUploadResponse = Schemas["FileInitUploadResponse"];

/** One chat message of a sample, as the spec models messages. */
export type Message = Schemas["Message"];
export type UserContentPart = Schemas["UserMessageContentMultiModal"];

/**
 * One dataset sample: a conversation. The spec types the add-samples body as strings
 * (each a JSON-encoded sample); the sample itself is built from the spec's messages.
 */
export interface Sample {
  messages: Message[];
}

/** Per-call options every operation accepts: signal, team, headers, timeout, retries. */
export type RequestOptions = CallOptions;
