import { createFriendliClient } from "@friendli-ts/client";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
// The built entry, as a user installs it.
import { type MockServer, startMockServer } from "../../dist/index.js";

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer();
});
afterAll(() => mock?.stop());
beforeEach(() => mock.reset());

const client = () => createFriendliClient({ baseURL: mock.url, token: "secret-token", maxRetries: 0 });
const bytes = new TextEncoder().encode("hello storage");
const digest = `sha256:${"ab".repeat(32)}`;
const initUpload = (d = digest) =>
  client().POST("/beta/file", { body: { name: "hello.txt", size: bytes.length, digest: d, projectId: "proj-1" } });

/** A presigned POST as a browser form sends it: the fields first, then the file. */
function form(
  fields: Record<string, unknown> | null | undefined,
  file: Uint8Array | null,
  after?: Record<string, string>,
) {
  const body = new FormData();
  for (const [name, value] of Object.entries(fields ?? {})) body.append(name, String(value));
  if (file) body.append("file", new Blob([file as Uint8Array<ArrayBuffer>]), "hello.txt");
  for (const [name, value] of Object.entries(after ?? {})) body.append(name, value);
  return body;
}

describe("the mock's storage: the upload target init upload hands out", () => {
  it("init upload answers 202 with a form upload to the mock; the POSTed file is kept under the file id", async () => {
    const { data: init, response } = await initUpload();
    expect(response.status).toBe(202);
    expect(init.uploadUrl).toBe(`${mock.url}/__storage/${init.fileId}`);
    expect(init.aws).toEqual({ key: init.fileId });

    const stored = await fetch(init.uploadUrl as string, { method: "POST", body: form(init.aws, bytes) });
    expect(stored.status).toBe(204);
    expect(mock.storage.get(init.fileId)).toEqual(bytes);
    expect(mock.storage.objects()).toEqual([
      { key: init.fileId, bytes, fileName: "hello.txt", fields: { key: init.fileId } },
    ]);
    // Storage requests are not API calls; each is listed, with no token (none was sent).
    expect(mock.storage.requests).toEqual([
      { method: "POST", key: init.fileId, status: 204, authorization: undefined },
    ]);
    expect(mock.calls.at(-1)).toMatchObject({
      method: "POST",
      path: "/beta/file",
      status: 202,
      operationId: "init_upload",
    });
  });

  it("knows the stored file afterwards: init upload of the same bytes, file info, download URL", async () => {
    const { data: init } = await initUpload();
    await fetch(init.uploadUrl as string, { method: "POST", body: form(init.aws, bytes) });

    const again = await initUpload();
    expect([again.response.status, again.data]).toEqual([200, { fileId: init.fileId, uploadUrl: null, aws: null }]);

    const params = { path: { file_id: init.fileId } };
    const { data: info } = await client().GET("/beta/file/{file_id}", { params });
    expect(info).toMatchObject({ id: init.fileId, name: "hello.txt", size: bytes.length, digest, status: "UPLOADED" });

    const { data: download } = await client().GET("/beta/file/{file_id}/download_url", { params });
    expect(download.fileId).toBe(init.fileId);
    const read = await fetch(download.downloadUrl);
    expect(new Uint8Array(await read.arrayBuffer())).toEqual(bytes);
  });

  it("refuses what S3 would: no file part, a key other than the URL's; fields after the file are ignored", async () => {
    const { data: init } = await initUpload(`sha256:${"cd".repeat(32)}`);
    const url = init.uploadUrl as string;
    const noFile = await fetch(url, { method: "POST", body: form(init.aws, null) });
    expect([noFile.status, await noFile.text()]).toEqual([
      400,
      expect.stringContaining("<Code>InvalidArgument</Code>"),
    ]);
    const otherKey = await fetch(url, { method: "POST", body: form({ key: "someone-else" }, bytes) });
    expect(otherKey.status).toBe(403);
    const notAForm = await fetch(url, { method: "POST", body: bytes });
    expect(notAForm.status).toBe(412);
    expect(mock.storage.get(init.fileId)).toBeUndefined();

    const late = await fetch(url, { method: "POST", body: form(init.aws, bytes, { "x-late": "ignored" }) });
    expect(late.status).toBe(204);
    expect(mock.storage.objects()[0]?.fields).toEqual({ key: init.fileId });
    expect((await fetch(`${mock.url}/__storage/missing`)).status).toBe(404);
  });

  it("an init upload the spec forbids is still rejected, and a scripted init upload wins over the storage", async () => {
    const bad = await fetch(`${mock.url}/beta/file`, {
      method: "POST",
      headers: { "content-type": "application/json", authorization: "Bearer t" },
      body: JSON.stringify({ name: "x", size: 1, digest, project_id: "snake" }),
    });
    expect(bad.status).toBe(422);

    mock.respond("init_upload", { body: { fileId: "already-there", uploadUrl: null, aws: null } });
    expect((await initUpload()).data).toEqual({ fileId: "already-there", uploadUrl: null, aws: null });
    expect(mock.storage.objects()).toEqual([]);
  });

  it("a second init upload of a file whose first upload never finished hands out the upload again", async () => {
    const { data: first } = await initUpload();
    // The first upload never came: the bytes are not held, so the file is not known as stored.
    const again = await initUpload();
    expect(again.response.status).toBe(202);
    expect(again.data).toEqual(first);
    const params = { path: { file_id: first.fileId } };
    expect((await client().GET("/beta/file/{file_id}", { params })).data?.status).toBe("UPLOADING");
    const stored = await fetch(again.data.uploadUrl as string, { method: "POST", body: form(again.data.aws, bytes) });
    expect(stored.status).toBe(204);
    expect(mock.storage.get(first.fileId)).toEqual(bytes);
    const third = await initUpload();
    expect([third.response.status, third.data.uploadUrl]).toEqual([200, null]);
  });

  it("reset() forgets the stored files", async () => {
    const { data: init } = await initUpload();
    await fetch(init.uploadUrl as string, { method: "POST", body: form(init.aws, bytes) });
    expect(mock.storage.objects()).toHaveLength(1);
    mock.reset();
    expect(mock.storage.objects()).toEqual([]);
    expect(mock.storage.requests).toEqual([]);
    expect((await initUpload()).response.status).toBe(202);
  });
});

describe("the mock's storage holds a bounded number of bytes in all", () => {
  it("refuses an upload past `storageMaxBytes` with a 413 and stores nothing; a replacement counts once; reset() frees", async () => {
    const small = await startMockServer({ storageMaxBytes: 100 });
    try {
      const upload = (key: string, size: number) =>
        fetch(`${small.url}/__storage/${key}`, { method: "POST", body: form({ key }, new Uint8Array(size)) });
      expect((await upload("a", 60)).status).toBe(204);
      const refused = await upload("b", 60);
      expect(refused.status).toBe(413);
      const text = await refused.text();
      expect(text).toContain("<Code>EntityTooLarge</Code>");
      expect(text).toMatch(/at most 100 bytes .*reset\(\).*storageMaxBytes/);
      expect(small.storage.objects().map((o) => o.key)).toEqual(["a"]);
      // The same key again replaces what it held: 80 fits where 60 + 80 would not.
      expect((await upload("a", 80)).status).toBe(204);
      expect(small.storage.get("a")).toHaveLength(80);
      expect((await upload("b", 21)).status).toBe(413);
      expect((await upload("b", 20)).status).toBe(204);
      small.reset();
      expect((await upload("c", 100)).status).toBe(204);
    } finally {
      await small.stop();
    }
  });

  it("bad options are refused before Prism starts", async () => {
    await expect(startMockServer({ storageMaxBytes: -1 })).rejects.toThrow(RangeError);
    await expect(startMockServer({ storageMaxBytes: 1.5 })).rejects.toThrow(/storageMaxBytes/);
    await expect(startMockServer({ port: 70_000 })).rejects.toThrow(/port must be a whole number from 1 to 65535/);
  });
});
