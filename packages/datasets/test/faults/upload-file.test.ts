import {
  APIConnectionError,
  APITimeoutError,
  APIUserAbortError,
  type ClientOptions,
  InternalServerError,
  PermissionDeniedError,
} from "@friendli-ts/client";
import {
  type FaultServer,
  recordSentRequests,
  startFaultServer,
  stopAfterEach,
  timeoutOnlyFor,
} from "@friendli-ts/test-kit";
import { startS3 } from "@friendli-ts/test-kit/local-s3";
import { describe, expect, it, vi } from "vitest";
import { createFriendliDatasets, StorageUploadError } from "../../src/index.ts";
import { sha256 } from "../support/pixel.ts";
import { startFakeApi } from "../support/start-fake-api.ts";

const running = stopAfterEach();

async function setup(storage?: FaultServer, options: ClientOptions = {}) {
  const s3 = await startS3();
  running.push(s3);
  const api = await startFakeApi({ storageUrl: storage?.url ?? s3.url });
  running.push(api);
  const friendli = createFriendliDatasets({
    baseURL: api.url,
    token: "test-token",
    teamId: "team-7",
    maxRetries: 0,
    initialDelayMs: 1,
    ...options,
  });
  return { s3, api, friendli };
}

describe("files.upload against a real S3-compatible server", () => {
  it("stores the exact bytes under their digest, with no Friendli credentials sent to storage", async () => {
    const { s3, api, friendli } = await setup();
    const bytes = new Uint8Array(70_000).map((_, i) => (i * 31) % 256);
    const uploaded = await friendli.files.upload(bytes, { name: "pattern.bin", projectId: "proj-1" });

    expect(uploaded.digest).toBe(`sha256:${sha256(bytes)}`);
    expect(uploaded.sentToStorage).toBe(true);
    expect(uploaded.info).toMatchObject({ id: uploaded.fileId, size: bytes.length, status: "UPLOADED" });
    const stored = await s3.read(`files/${sha256(bytes)}`);
    expect(stored && sha256(stored)).toBe(sha256(bytes));

    const posts = s3.requests.filter((r) => r.method === "POST");
    expect(posts).toHaveLength(1);
    expect(posts[0]).toMatchObject({ authorization: undefined, team: undefined });
    // The API itself did get the token and the team.
    expect(api.requests.every((r) => r.authorization === "Bearer test-token" && r.team === "team-7")).toBe(true);
    expect(api.requests.map((r) => r.method)).toEqual(["POST", "PATCH", "GET"]);
  });

  it("does not send a file the API already holds", async () => {
    const { s3, friendli } = await setup();
    const blob = new Blob(["same bytes twice"]);
    const first = await friendli.files.upload(blob, { name: "a.txt", projectId: "proj-1" });
    const second = await friendli.files.upload(blob, { name: "b.txt", projectId: "proj-1" });
    expect(first.sentToStorage).toBe(true);
    expect(second).toMatchObject({ fileId: first.fileId, sentToStorage: false });
    expect(s3.requests.filter((r) => r.method === "POST")).toHaveLength(1);
  });
});

describe("files.upload when storage misbehaves", () => {
  it("fails at once, before any storage request, when the upload URL is not a URL", async () => {
    // An API that hands out "string/uploads" as the upload URL (a schema placeholder).
    const api = await startFakeApi({ storageUrl: "string" });
    running.push(api);
    const friendli = createFriendliDatasets({ baseURL: api.url, token: "test-token", maxRetries: 3 });
    const error = await friendli.files
      .upload(new Blob(["x"]), { name: "x.txt", projectId: "proj-1" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageUploadError);
    expect(error).toMatchObject({ status: null, fileId: expect.any(String) });
    expect((error as Error).message).toMatch(/not an http\(s\) URL: "string\/uploads"/);
    // No retry of a URL that can never work: the init upload is the only request.
    expect(api.requests.map((r) => r.method)).toEqual(["POST"]);
  });

  it("fails at once with a StorageUploadError that keeps the file id on a 403", async () => {
    const storage = await startFaultServer((_req, res) => {
      res.writeHead(403, { "content-type": "application/xml" });
      res.end("<Error><Code>AccessDenied</Code><Message>Policy expired</Message></Error>");
    });
    running.push(storage);
    const { friendli } = await setup(storage);
    const error = await friendli.files
      .upload(new Blob(["x"]), { name: "x.txt", projectId: "proj-1" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageUploadError);
    expect(error).toMatchObject({ status: 403, fileId: expect.stringMatching(/^file-/) });
    expect((error as StorageUploadError).body).toContain("<Code>AccessDenied</Code>");
    expect((error as Error).message).toContain("AccessDenied: Policy expired");
    // The client's own error for the answer is kept as the cause.
    expect((error as Error).cause).toBeInstanceOf(PermissionDeniedError);
    expect(storage.requests).toHaveLength(1);
  });

  it("retries 5xx answers as the client's maxRetries says, then completes", async () => {
    const storage = await startFaultServer((req, res, { attempt }) => {
      res.writeHead(req.method === "POST" && attempt <= 2 ? 503 : 204);
      res.end();
    });
    running.push(storage);
    const { friendli } = await setup(storage, { maxRetries: 2 });
    const uploaded = await friendli.files.upload(new Blob(["retry me"]), { name: "r.txt", projectId: "proj-1" });
    expect(uploaded.info.status).toBe("UPLOADED");
    expect(storage.requests.filter((r) => r.method === "POST")).toHaveLength(3);
    // The multipart body carried the policy fields before the file.
    const body = storage.requests[2]!.body;
    expect(body.indexOf('name="key"')).toBeLessThan(body.indexOf('name="file"'));
    expect(storage.requests[0]!.headers.authorization).toBeUndefined();
  });

  it("gives up after the call's retries with the status and the client's error as the cause", async () => {
    const storage = await startFaultServer((_req, res) => {
      res.writeHead(503, { "content-type": "application/xml" });
      res.end("<Error><Code>SlowDown</Code><Message>Reduce your request rate</Message></Error>");
    });
    running.push(storage);
    const { friendli } = await setup(storage, { maxRetries: 5 });
    const error = await friendli.files
      .upload(new Blob(["w"]), { name: "w.txt", projectId: "proj-1", maxRetries: 1 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageUploadError);
    expect(error).toMatchObject({ status: 503, fileId: expect.stringMatching(/^file-/) });
    expect((error as Error).message).toContain("SlowDown: Reduce your request rate");
    expect((error as Error).cause).toBeInstanceOf(InternalServerError);
    expect(storage.requests).toHaveLength(2);
  });

  it("retries dropped connections and gives up with the file id", async () => {
    const storage = await startFaultServer((_req, res) => {
      res.destroy();
    });
    running.push(storage);
    const { friendli } = await setup(storage);
    const error = await friendli.files
      .upload(new Blob(["y"]), { name: "y.txt", projectId: "proj-1", maxRetries: 2 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageUploadError);
    expect(error).toMatchObject({ status: null, fileId: expect.stringMatching(/^file-/) });
    expect((error as Error).cause).toBeInstanceOf(APIConnectionError);
    expect(storage.requests).toHaveLength(3);
  });

  it("times out a storage POST with the call's timeout", async () => {
    const storage = await startFaultServer(() => new Promise<void>(() => {}));
    running.push(storage);
    // Counted as they leave: the call may time out before the storage server reads the POST.
    const { fetch, sent } = recordSentRequests();
    // The 100 ms may end only the storage POST the server holds, never the API request before it.
    const storageOnly = timeoutOnlyFor(fetch, (_method, url) => url.origin === storage.url);
    const { api, friendli } = await setup(storage, { timeout: 60_000, fetch: storageOnly });
    const error = await friendli.files
      .upload(new Blob(["t"]), { name: "t.txt", projectId: "proj-1", timeout: 100 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(StorageUploadError);
    expect(error).toMatchObject({ status: null });
    expect((error as Error).cause).toBeInstanceOf(APITimeoutError);
    expect(sent.filter((r) => r.url.startsWith(storage.url))).toHaveLength(1);
    // Nothing is completed after a failed storage POST.
    expect(api.requests.map((r) => r.method)).toEqual(["POST"]);
  });

  it("stops when the caller aborts", async () => {
    const storage = await startFaultServer(() => new Promise<void>(() => {}));
    running.push(storage);
    const { friendli } = await setup(storage);
    const controller = new AbortController();
    const upload = friendli.files.upload(new Blob(["z"]), {
      name: "z.txt",
      projectId: "proj-1",
      signal: controller.signal,
    });
    await vi.waitFor(() => expect(storage.requests).toHaveLength(1));
    controller.abort();
    await expect(upload).rejects.toBeInstanceOf(APIUserAbortError);
  });

  it("goes through the client's fetch, so a test or a proxy can route storage", async () => {
    const { s3, api } = await setup();
    const seen: string[] = [];
    const friendli = createFriendliDatasets({
      baseURL: api.url,
      token: "test-token",
      maxRetries: 0,
      fetch: (input, init) => {
        seen.push(`${init?.method ?? "GET"} ${new URL(String(input instanceof Request ? input.url : input)).origin}`);
        return fetch(input, init);
      },
    });
    await friendli.files.upload(new Blob(["routed"]), { name: "r.txt", projectId: "proj-1" });
    expect(seen).toEqual([`POST ${api.url}`, `POST ${s3.url}`, `PATCH ${api.url}`, `GET ${api.url}`]);
  });
});
