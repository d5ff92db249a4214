// A file upload end to end on the mock API: init upload, the presigned form POST to the
// mock's own storage (no S3, no internet), complete, file info, and the bytes read back.
//   pnpm exec tsx --conditions=source examples/mock-file-upload.ts
import { createFriendliDatasets } from "@friendli-ts/datasets";
import { type MockExample, runIfMain } from "./on-mock.ts";

export const main: MockExample<{ fileId: string; stored: string | undefined }> = async (mock, log = console.log) => {
  const friendli = createFriendliDatasets({ baseURL: mock.url, token: "demo-token" });
  const bytes = new TextEncoder().encode('{"messages":[{"role":"user","content":"Hi"}]}\n');

  const uploaded = await friendli.files.upload(bytes, { name: "train.jsonl", projectId: "demo-project" });
  log(`uploaded ${uploaded.size} bytes as ${uploaded.fileId} (${uploaded.info.status})`);

  // What the storage received, as a test would check it.
  const stored = mock.storage.get(uploaded.fileId);
  const text = stored && new TextDecoder().decode(stored);
  log(`the mock's storage holds ${stored?.length ?? 0} bytes under ${uploaded.fileId}`);
  const tokenSent = mock.storage.requests.some((r) => r.authorization !== undefined);
  log(`storage saw the API token: ${tokenSent}`);

  // The same bytes again: the API already has them, so storage is skipped.
  const again = await friendli.files.upload(bytes, { name: "train.jsonl", projectId: "demo-project" });
  log(`second upload of the same bytes sent to storage: ${again.sentToStorage}`);
  return { fileId: uploaded.fileId, stored: text };
};

await runIfMain(import.meta.url, main);
