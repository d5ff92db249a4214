/**
 * Every repair the normaliser makes to the examples of the published spec, in one table:
 * which answer, what is changed and why. The mock server answers with these examples, so
 * each must be one a real server could send: valid against its own schema, parseable,
 * with URLs that are URLs. `packages/testing/test/unit/spec-examples.test.ts` checks
 * every example of every 200 answer after these repairs, so a new upstream breakage fails
 * there, and gets a row here.
 *
 * `broken` says whether the published example still has the problem: once upstream fixes
 * it, the repair is skipped and `pnpm generate` says so, so the row can go.
 */
export interface ExampleRepair {
  /** The operation's `operationId`. */
  operation: string;
  status: string;
  mediaType: string;
  what: string;
  why: string;
  /** True while the published example (undefined when there is none) still needs the repair. */
  broken(example: unknown): boolean;
  /** The example to publish instead. */
  repair(example: unknown): unknown;
}

type Json = Record<string, unknown>;
const JSON_TYPE = "application/json";
const SSE = "text/event-stream";

/** Unix seconds as RFC 3339, e.g. `2024-01-14T15:00:00Z`. */
const isoFromUnix = (seconds: unknown) => new Date(Number(seconds) * 1000).toISOString().replace(/\.000Z$/, "Z");

/** The datasets examples are in an older shape: snake_case times, a numeric id, no modality. */
const datasetInfo = (old: Json) => ({
  id: String(old.id),
  name: old.name,
  createdAt: old.created_at,
  updatedAt: old.updated_at,
  modality: { input_modals: ["TEXT", "IMAGE"], output_modals: ["TEXT"] },
});
const isOldDataset = (value: unknown) => typeof value === "object" && value !== null && "created_at" in value;

/** `data: ...` blocks of an SSE example. */
const sseBlocks = (text: string) => text.split("\n\n");

export const exampleRepairs: ExampleRepair[] = [
  {
    operation: "serverlessToolAssistedChatStream",
    status: "200",
    mediaType: SSE,
    what: "the ENDED tool_status event's `result` is re-quoted, and the answer's chunks are named `token`",
    why:
      'the published data has `"result":""{...}""`, which is not JSON (every client stops there); the schema ' +
      "(StreamedToolAssistedChatEvent) requires `event: token` on chunks, which the example sends unnamed",
    broken: (example) =>
      typeof example === "string" &&
      (example.includes('""{') ||
        sseBlocks(example).some((b) => b.startsWith("data: {") && b.includes("chat.completion"))),
    repair: (example) =>
      sseBlocks((example as string).replace(/"result":""(\{.*?\})""/g, '"result":"$1"'))
        .map((block) =>
          block.startsWith("data: {") && block.includes("chat.completion") ? `event: token\n${block}` : block,
        )
        .join("\n\n"),
  },
  {
    operation: "getCost",
    status: "200",
    mediaType: JSON_TYPE,
    what: "the page is unwrapped: `{ has_more: false, next_page: null, data: [bucket] }`",
    why: "the example nests a whole page inside `data`, where CostResponse holds the buckets themselves",
    broken: (example) =>
      Array.isArray((example as Json)?.data) && "has_more" in ((example as { data: Json[] }).data[0] ?? {}),
    repair: (example) => ({ has_more: false, next_page: null, data: (example as { data: Json[] }).data[0]?.data }),
  },
  ...["create_dataset", "get_dataset"].map(
    (operation): ExampleRepair => ({
      operation,
      status: "200",
      mediaType: JSON_TYPE,
      what: "the dataset is in the schema's shape: string `id`, `createdAt`, `updatedAt`, a TEXT+IMAGE `modality`",
      why: "the example is in an older snake_case shape (`created_at`, numeric id) and lacks the required `modality`",
      broken: isOldDataset,
      repair: (example) => datasetInfo(example as Json),
    }),
  ),
  {
    operation: "list_datasets",
    status: "200",
    mediaType: JSON_TYPE,
    what: "each listed dataset is in the schema's shape, and the page says it is the last (`nextCursor: null`)",
    why: "the listed datasets are in the older snake_case shape (see create_dataset)",
    broken: (example) => ((example as { data?: unknown[] })?.data ?? []).some(isOldDataset),
    repair: (example) => ({ data: (example as { data: Json[] }).data.map(datasetInfo), nextCursor: null }),
  },
  {
    operation: "get_info",
    status: "200",
    mediaType: JSON_TYPE,
    what: "the file info is in the schema's camelCase shape, times as RFC 3339",
    why: "the example is in an older snake_case shape (`project_id`, `created_at` in Unix seconds); FileInfo wants `projectId` and date-time strings",
    broken: (example) => typeof example === "object" && example !== null && "project_id" in example,
    repair: (example) => {
      const old = example as Json;
      return {
        id: old.id,
        name: old.name,
        size: old.size,
        digest: `sha256:${"0".repeat(64)}`,
        projectId: old.project_id,
        creatorId: old.creator_id,
        createdAt: isoFromUnix(old.created_at),
        expiresAt: isoFromUnix(old.expires_at),
        status: old.status,
      };
    },
  },
  {
    operation: "get_download_url",
    status: "200",
    mediaType: JSON_TYPE,
    what: "`fileId`, `s3Uri`, `downloadUrl` in the schema's shape, with an s3:// URI and an https URL",
    why: "the example is in the older snake_case shape, and its URLs are placeholders (`s3-uri`, `download-url`)",
    broken: (example) => typeof example === "object" && example !== null && "download_url" in example,
    repair: (example) => {
      const old = example as Json;
      return {
        fileId: old.id,
        s3Uri: `s3://friendli-files/${old.id}`,
        downloadUrl: `https://storage.example.com/friendli-files/${old.id}`,
      };
    },
  },
  {
    operation: "init_upload",
    status: "200",
    mediaType: JSON_TYPE,
    what: "an example is added: the file is already stored, so no upload URL",
    why: 'there is none, so the mock server made one up from the schema: `uploadUrl: "string"`, not a URL',
    broken: (example) => example === undefined,
    repair: () => ({ fileId: "file-id", uploadUrl: null, aws: null }),
  },
  {
    operation: "init_upload",
    status: "202",
    mediaType: JSON_TYPE,
    what: "an example is added: an https upload URL and the form fields of a presigned POST",
    why: 'there is none, so the mock server made one up from the schema: `uploadUrl: "string"`, not a URL',
    broken: (example) => example === undefined,
    repair: () => ({
      fileId: "file-id",
      uploadUrl: "https://storage.example.com/friendli-files",
      aws: { key: "file-id", policy: "eyJjb25kaXRpb25zIjpbXX0=", "x-amz-algorithm": "AWS4-HMAC-SHA256" },
    }),
  },
  ...["dedicatedImagesGenerate", "dedicatedImagesEdit"].map(
    (operation): ExampleRepair => ({
      operation,
      status: "200",
      mediaType: JSON_TYPE,
      what: "each image `url` is an https URL",
      why: "the example's URLs are placeholders (`(url-to-generated-image)`) that no client can fetch or parse",
      broken: (example) =>
        ((example as { data?: { url?: string }[] })?.data ?? []).some((i) => !/^https?:/.test(i.url ?? "")),
      repair: (example) => ({
        data: (example as { data: Json[] }).data.map((item, i) => ({
          ...item,
          url: `https://storage.example.com/images/${operation}-${i}.png`,
        })),
      }),
    }),
  ),
  {
    operation: "serverlessModelList",
    status: "200",
    mediaType: JSON_TYPE,
    what: "an example is added: one model, with https Hugging Face and license URLs",
    why: 'there is none, so the mock server made one up from the schema, with `"string"` for URLs (format uri)',
    broken: (example) => example === undefined,
    repair: () => ({
      data: [
        {
          id: "meta-llama-3.1-8b-instruct",
          hugging_face_id: "meta-llama/Llama-3.1-8B-Instruct",
          name: "Llama 3.1 8B Instruct",
          created: 1721692800,
          context_length: 131072,
          max_completion_tokens: 8192,
          pricing: { input: "0.0000001", output: "0.0000001", prompt: "0.0000001", completion: "0.0000001" },
          functionality: { tool_call: true, builtin_tool: true, parallel_tool_call: false, structured_output: true },
          description: "A small, fast instruction-tuned model.",
          deprecation_date: null,
          hugging_face_url: "https://huggingface.co/meta-llama/Llama-3.1-8B-Instruct",
          license: "https://www.llama.com/llama3_1/license/",
        },
      ],
    }),
  },
];
