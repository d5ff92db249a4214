/// <reference path="./s3rver.d.ts" />
import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import S3rver from "s3rver";

export interface StorageRequest {
  method: string;
  path: string;
  authorization: string | undefined;
  team: string | undefined;
}

export interface LocalS3 {
  /** Base URL, e.g. `http://127.0.0.1:40123`. */
  url: string;
  bucket: string;
  requests: StorageRequest[];
  /** The stored object's bytes, or null when there is none. */
  read(key: string): Promise<Uint8Array | null>;
  stop(): Promise<void>;
}

/** A real S3-compatible server (s3rver) on 127.0.0.1, a free port and a fresh temp directory. */
export async function startS3(bucket = "uploads"): Promise<LocalS3> {
  const directory = await mkdtemp(join(tmpdir(), "friendli-s3-"));
  const s3 = new S3rver({
    address: "127.0.0.1",
    port: 0,
    silent: true,
    directory,
    configureBuckets: [{ name: bucket, configs: [] }],
  });
  const { port } = (await s3.run()) as { port: number };
  const requests: StorageRequest[] = [];
  (s3 as unknown as { httpServer: import("node:http").Server }).httpServer.on("request", (req) => {
    requests.push({
      method: req.method ?? "",
      path: req.url ?? "",
      authorization: req.headers.authorization,
      team: req.headers["x-friendli-team"] as string | undefined,
    });
  });
  const url = `http://127.0.0.1:${port}`;
  return {
    url,
    bucket,
    requests,
    async read(key) {
      const response = await fetch(`${url}/${bucket}/${key}`);
      if (response.status === 404) return null;
      return new Uint8Array(await response.arrayBuffer());
    },
    async stop() {
      await s3.close().catch(() => {});
      await rm(directory, { recursive: true, force: true });
    },
  };
}
