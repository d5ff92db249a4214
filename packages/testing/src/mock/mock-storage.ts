import type { LocalAnswer, ProxyRequest, UpstreamAnswer } from "./start-recording-proxy.ts";

/** One object the mock's storage holds: what a presigned form upload sent. */
export interface StoredObject {
  key: string;
  /** The file's bytes (the form's `file` part). */
  bytes: Uint8Array;
  /** The file name the form gave, if any. */
  fileName: string | null;
  /** The form fields sent before the file (the `aws` fields init upload handed out). */
  fields: Record<string, string>;
}

/** A request to the mock's storage: as an upload to S3, it should carry no API token. */
export interface StorageRequest {
  method: string;
  key: string;
  status: number;
  /** The Authorization header, if one was sent (a correct client sends none). */
  authorization: string | undefined;
}

/** The presigned upload target the mock serves beside the API (`<mock.url>/__storage/<key>`). */
export interface MockStorage {
  /** The bytes stored under `key` (for an upload through init upload: the file id), or undefined. */
  get(key: string): Uint8Array | undefined;
  /** Every stored object, in upload order. */
  objects(): StoredObject[];
  /** Every request the storage answered, in order. */
  readonly requests: StorageRequest[];
  /** Forgets every object and request. */
  clear(): void;
}

const STORAGE_PREFIX = "/__storage/";

/**
 * The most bytes the storage holds in all, by default: it lives in the test process, and a
 * suite that uploads large files without `reset()` would otherwise grow it without end.
 * Enough for the large-file tests of this repository (64 MiB files, a few at a time).
 */
export const DEFAULT_STORAGE_MAX_BYTES = 256 * 1024 * 1024;

interface FileRecord {
  fileId: string;
  name: string;
  size: number;
  digest: string;
  projectId: string;
  createdAt: string;
}

const xmlError = (status: number, code: string, message: string): LocalAnswer => ({
  status,
  headers: { "content-type": "application/xml" },
  body: `<?xml version="1.0" encoding="UTF-8"?>\n<Error><Code>${code}</Code><Message>${message}</Message></Error>`,
});

/**
 * The storage side of file uploads, so that an upload runs end to end against the mock: init
 * upload hands out a form upload to `<mock.url>/__storage/<file id>` (or, for bytes it already
 * holds, no URL), the storage keeps what is POSTed there, and the file's info and download URL
 * describe the stored file. Requests still go through Prism first, so they are checked against
 * the spec; only its made-up answers are replaced.
 */
export function createMockStorage(baseUrl: () => string, maxBytes = DEFAULT_STORAGE_MAX_BYTES) {
  const objects = new Map<string, StoredObject>();
  let heldBytes = 0;
  const requests: StorageRequest[] = [];
  const files = new Map<string, FileRecord>(); // file id -> what init upload was told
  const byDigest = new Map<string, string>(); // digest -> file id

  const storage: MockStorage = {
    get: (key) => objects.get(key)?.bytes,
    objects: () => [...objects.values()],
    requests,
    clear() {
      objects.clear();
      heldBytes = 0;
      requests.length = 0;
      files.clear();
      byDigest.clear();
    },
  };

  /** `/__storage/<key>`: a form POST stores the file; a GET reads it back. */
  async function serve(request: ProxyRequest): Promise<LocalAnswer | undefined> {
    if (!request.path.startsWith(STORAGE_PREFIX)) return undefined;
    const key = decodeURIComponent(request.path.slice(STORAGE_PREFIX.length));
    const answer = await serveKey(request, key);
    requests.push({
      method: request.method,
      key,
      status: answer.status,
      authorization: [request.headers.authorization].flat()[0],
    });
    return answer;
  }

  async function serveKey(request: ProxyRequest, key: string): Promise<LocalAnswer> {
    if (request.method === "GET") {
      const stored = objects.get(key);
      if (!stored) return xmlError(404, "NoSuchKey", "The specified key does not exist.");
      return { status: 200, headers: { "content-type": "application/octet-stream" }, body: stored.bytes };
    }
    if (request.method !== "POST") return xmlError(405, "MethodNotAllowed", "Only form POST and GET are served.");
    const type = String(request.headers["content-type"] ?? "");
    if (!type.startsWith("multipart/form-data")) {
      return xmlError(412, "PreconditionFailed", "A presigned upload is a multipart/form-data POST.");
    }
    let form: FormData;
    try {
      form = await new Response(new Uint8Array(request.body), { headers: { "content-type": type } }).formData();
    } catch {
      return xmlError(
        400,
        "MalformedPOSTRequest",
        "The body of the POST request is not well-formed multipart/form-data.",
      );
    }
    // As S3 does: the fields before the file count, anything after it is ignored.
    const fields: Record<string, string> = {};
    let file: File | undefined;
    for (const [name, value] of form) {
      if (name === "file") {
        if (typeof value === "string") break;
        file = value;
        break;
      }
      if (typeof value === "string") fields[name] = value;
    }
    if (!file) return xmlError(400, "InvalidArgument", "POST requires exactly one file upload per request.");
    const fieldKey = fields.key;
    if (fieldKey !== undefined && fieldKey !== key) {
      return xmlError(403, "AccessDenied", `The form's key "${fieldKey}" is not the key this URL was signed for.`);
    }
    // Past the cap the upload is refused, not stored: what is held stays as it was, and the
    // answer says how to make room. An upload under a key already held replaces it.
    const replaced = objects.get(key)?.bytes.length ?? 0;
    if (heldBytes - replaced + file.size > maxBytes) {
      return xmlError(
        413,
        "EntityTooLarge",
        `The mock's storage holds at most ${maxBytes} bytes in all (${heldBytes} held, this file ${file.size}): call reset() between tests or raise storageMaxBytes.`,
      );
    }
    const bytes = new Uint8Array(await file.arrayBuffer());
    objects.set(key, { key, bytes, fileName: file.name || null, fields });
    heldBytes += bytes.length - replaced;
    return { status: 204 };
  }

  /** Replaces Prism's made-up answers of the file operations with ones about the stored files. */
  async function answerFileOperation(
    operationId: string | undefined,
    request: ProxyRequest,
    upstream: UpstreamAnswer,
  ): Promise<LocalAnswer | undefined> {
    if (upstream.status < 200 || upstream.status >= 300) return undefined;
    if (operationId === "init_upload") {
      let sent: Partial<FileRecord> & { digest?: unknown };
      try {
        sent = JSON.parse(new TextDecoder().decode(request.body));
      } catch {
        return undefined;
      }
      if (typeof sent.digest !== "string") return undefined;
      const known = byDigest.get(sent.digest);
      if (known && objects.has(known)) return { status: 200, json: { fileId: known, uploadUrl: null, aws: null } };
      const fileId = known ?? `mock-file-${byDigest.size + 1}`;
      byDigest.set(sent.digest, fileId);
      files.set(fileId, {
        fileId,
        name: String(sent.name ?? fileId),
        size: Number(sent.size ?? 0),
        digest: sent.digest,
        projectId: String(sent.projectId ?? ""),
        createdAt: new Date().toISOString().replace(/\.\d+Z$/, "Z"),
      });
      return {
        status: 202,
        json: {
          fileId,
          uploadUrl: `${baseUrl()}${STORAGE_PREFIX}${encodeURIComponent(fileId)}`,
          aws: { key: fileId },
        },
      };
    }
    const fileId = /^\/beta\/file\/([^/]+)/.exec(request.path)?.[1];
    const file = fileId ? files.get(decodeURIComponent(fileId)) : undefined;
    if (!file) return undefined;
    if (operationId === "get_info") {
      const example = (await upstream.json()) as Record<string, unknown> | undefined;
      return {
        status: upstream.status,
        json: {
          ...example,
          id: file.fileId,
          name: file.name,
          size: file.size,
          digest: file.digest,
          projectId: file.projectId,
          createdAt: file.createdAt,
          status: objects.has(file.fileId) ? "UPLOADED" : "UPLOADING",
        },
      };
    }
    if (operationId === "get_download_url") {
      return {
        status: upstream.status,
        json: {
          fileId: file.fileId,
          s3Uri: `s3://mock-storage/${file.fileId}`,
          downloadUrl: `${baseUrl()}${STORAGE_PREFIX}${encodeURIComponent(file.fileId)}`,
        },
      };
    }
    return undefined;
  }

  return { storage, serve, answerFileOperation };
}
