import { startMockServer } from "./start-mock-server.ts";
import { type LocalS3, startS3 } from "./start-s3.ts";

export interface LocalStack {
  /** Options for `createFriendliDatasets`: the mock server, through the bridge below. */
  options: { baseURL: string; token: string; fetch: typeof fetch; maxRetries: number };
  storage: LocalS3;
  stop(): Promise<void>;
}

/**
 * The Prism mock server of the pinned spec plus a real S3-compatible server (s3rver), both
 * on 127.0.0.1. Every API request goes to Prism, which checks it against the spec (a
 * violation fails the call). Prism can only make up answers from the spec's examples, so
 * for the three answers an upload depends on, the bridge answers consistently instead:
 * init upload hands out a form upload to the local storage, the download URL names the
 * stored object, and add samples gives one id per sample.
 */
export async function startLocalStack(existingMockUrl?: string): Promise<LocalStack> {
  // A test run shares its own mock server; the example starts one.
  const mock = existingMockUrl ? { url: existingMockUrl, stop: async () => {} } : await startMockServer();
  const storage = await startS3();
  const stored = new Map<string, string>(); // file id -> object key
  const byDigest = new Map<string, string>(); // digest -> file id
  let nextSample = 0;

  const json = (status: number, value: unknown) =>
    new Response(JSON.stringify(value), { status, headers: { "content-type": "application/json" } });

  const bridge: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const text = request.method === "GET" ? "" : await request.clone().text();
    const response = await fetch(request);
    if (!response.ok) return response;
    const path = new URL(request.url).pathname;
    if (request.method === "POST" && path === "/beta/file") {
      await response.body?.cancel();
      const { digest } = JSON.parse(text) as { digest: string };
      const known = byDigest.get(digest);
      if (known) return json(200, { fileId: known, uploadUrl: null, aws: null });
      const fileId = `file-${byDigest.size + 1}`;
      const key = `files/${digest.replace(":", "-")}`;
      byDigest.set(digest, fileId);
      stored.set(fileId, key);
      return json(202, { fileId, uploadUrl: `${storage.url}/${storage.bucket}`, aws: { key } });
    }
    const download = /^\/beta\/file\/([^/]+)\/download_url$/.exec(path);
    if (download) {
      await response.body?.cancel();
      const key = stored.get(download[1]!) ?? "missing";
      return json(200, {
        fileId: download[1],
        s3Uri: `s3://${storage.bucket}/${key}`,
        downloadUrl: `${storage.url}/${storage.bucket}/${key}`,
      });
    }
    if (request.method === "POST" && /\/split\/[^/]+\/sample$/.test(path)) {
      await response.body?.cancel();
      const samples = JSON.parse(text) as string[];
      return json(200, { samples: samples.map((sample) => [`sample-${nextSample++}`, sample]) });
    }
    return response;
  };

  return {
    options: { baseURL: mock.url, token: "demo-token", fetch: bridge, maxRetries: 0 },
    storage,
    async stop() {
      await Promise.all([storage.stop(), mock.stop()]);
    },
  };
}
