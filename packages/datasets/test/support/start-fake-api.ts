import type { IncomingMessage, ServerResponse } from "node:http";
import { startFaultServer } from "@friendli-ts/test-kit";

/**
 * What an add-samples request gets: an answer; the connection cut after the batch was stored
 * (the API acted, the client never hears it), or before; the batch stored and no answer ever
 * (only a timeout ends the request); or an error status with nothing stored.
 */
export type AddSamplesFault = "answer" | "store-then-cut" | "cut" | "store-then-hang" | { status: number };

/**
 * A small, consistent stand-in for the dataset and file API on 127.0.0.1 (a
 * `startFaultServer`), for flows Prism cannot play (its answers are fixed examples): init
 * upload hands out a presigned-style form upload to a real storage server, complete upload
 * checks the bytes are there, add samples answers one id per sample, and with `keepSamples`
 * list samples gives back what was added. Without `keepSamples` it keeps counts, not bodies,
 * so a test can measure the client's memory.
 */
export interface FakeApi {
  url: string;
  /** Method, path and the two headers that matter, for every request. */
  requests: { method: string; path: string; authorization: string | undefined; team: string | undefined }[];
  /** The JSON-encoded samples added (every split), when `keepSamples` is on. */
  samples: string[];
  /** The [id, JSON] pairs a split holds, in the order added, when `keepSamples` is on. */
  splitSamples(splitId: string): [string, string][];
  samplesAdded: number;
  addRequests: number;
  /**
   * Set by a test to misbehave: `addSamples` is asked, for each add-samples request (its
   * 1-based count), once the request has fully arrived; `listSamples` may cut list requests.
   */
  faults: {
    addSamples?: (request: number) => AddSamplesFault;
    listSamples?: () => "answer" | "cut";
  };
  stop(): Promise<void>;
}

export interface FakeApiOptions {
  /** Where uploads go: `${storageUrl}/${bucket}` gets the form POST. */
  storageUrl: string;
  bucket?: string;
  token?: string;
  keepSamples?: boolean;
  /** Fields sent with the upload; the default is a policy that never expires. */
  awsFields?: (key: string) => Record<string, string>;
}

interface StoredFile {
  id: string;
  name: string;
  size: number;
  digest: string;
  projectId: string;
  key: string;
  status: "UPLOADING" | "UPLOADED";
}

export async function startFakeApi(options: FakeApiOptions): Promise<FakeApi> {
  const bucket = options.bucket ?? "uploads";
  const token = options.token ?? "test-token";
  const datasets = new Map<
    string,
    { id: string; name: string; modality: unknown; splits: { id: string; name: string }[] }
  >();
  const files = new Map<string, StoredFile>(); // by id
  let nextId = 1;
  const bySplit = new Map<string, [string, string][]>();
  const state: FakeApi = {
    url: "",
    requests: [],
    samples: [],
    samplesAdded: 0,
    addRequests: 0,
    splitSamples: (splitId) => [...(bySplit.get(splitId) ?? [])],
    faults: {},
    stop: async () => {},
  };
  const now = Math.floor(Date.now() / 1000);
  const splitInfo = (s: { id: string; name: string }) => ({ ...s, createdAt: now, updatedAt: now });
  const datasetInfo = (d: { id: string; name: string; modality: unknown }) => ({
    id: d.id,
    name: d.name,
    modality: d.modality,
    createdAt: now,
    updatedAt: now,
  });
  const fileInfo = (f: StoredFile) => ({
    id: f.id,
    name: f.name,
    size: f.size,
    digest: f.digest,
    projectId: f.projectId,
    creatorId: "user-1",
    createdAt: new Date(now * 1000).toISOString(),
    expiresAt: null,
    status: f.status,
  });

  const handle = async (req: IncomingMessage, res: ServerResponse, body: string) => {
    const url = new URL(req.url ?? "/", "http://x");
    const path = url.pathname;
    const method = req.method ?? "GET";
    const send = (status: number, value: unknown) => {
      res.writeHead(status, { "content-type": "application/json" });
      res.end(JSON.stringify(value));
    };
    if (req.headers.authorization !== `Bearer ${token}`) return send(401, { detail: "bad token" });
    let m: RegExpExecArray | null;

    if (path === "/beta/dataset" && method === "GET") {
      const search = url.searchParams.get("nameSearch") ?? "";
      return send(200, {
        data: [...datasets.values()].filter((d) => d.name.includes(search)).map(datasetInfo),
        nextCursor: null,
      });
    }
    if (path === "/beta/dataset" && method === "POST") {
      const request = JSON.parse(body) as { name: string; modality: unknown };
      const dataset = { id: `ds-${nextId++}`, name: request.name, modality: request.modality, splits: [] };
      datasets.set(dataset.id, dataset);
      return send(200, datasetInfo(dataset));
    }
    if ((m = /^\/beta\/dataset\/([^/]+)$/.exec(path)) && method === "GET") {
      const dataset = datasets.get(m[1]!);
      return dataset ? send(200, datasetInfo(dataset)) : send(404, { detail: "no dataset" });
    }
    if ((m = /^\/beta\/dataset\/([^/]+)\/split$/.exec(path))) {
      const dataset = datasets.get(m[1]!);
      if (!dataset) return send(404, { detail: "no dataset" });
      if (method === "GET") return send(200, { data: dataset.splits.map(splitInfo), nextCursor: null });
      const split = { id: `split-${nextId++}`, name: url.searchParams.get("name") ?? "" };
      dataset.splits.push(split);
      return send(200, splitInfo(split));
    }
    if ((m = /^\/beta\/dataset\/([^/]+)\/split\/([^/]+)\/sample$/.exec(path)) && method === "POST") {
      const [, datasetId, splitId] = m as unknown as [string, string, string];
      const samples = JSON.parse(body) as string[];
      const request = ++state.addRequests;
      const fault = state.faults.addSamples?.(request) ?? "answer";
      if (typeof fault === "object") return send(fault.status, { detail: "refused by the test" });
      if (fault === "cut") return void res.destroy();
      const pairs = samples.map((sample): [string, string] => {
        const n = state.samplesAdded++;
        const pair: [string, string] = [`${datasetId}:v0:${splitId}:${n}`, sample];
        if (options.keepSamples) {
          state.samples.push(sample);
          let held = bySplit.get(splitId);
          if (!held) bySplit.set(splitId, (held = []));
          held.push(pair);
        }
        return pair;
      });
      // Stored, and then the client never hears of it.
      if (fault === "store-then-cut") return void res.destroy();
      if (fault === "store-then-hang") return new Promise<void>(() => {});
      return send(200, { samples: pairs });
    }
    if ((m = /^\/beta\/dataset\/([^/]+)\/split\/([^/]+)\/sample$/.exec(path)) && method === "GET") {
      if (state.faults.listSamples?.() === "cut") return void res.destroy();
      const all = bySplit.get(m[2]!) ?? [];
      const from = Number(url.searchParams.get("cursor") ?? 0);
      const limit = Number(url.searchParams.get("limit") ?? 0) || 50;
      const next = from + limit < all.length ? String(from + limit) : null;
      return send(200, { data: all.slice(from, from + limit), nextCursor: next });
    }
    if (path === "/beta/file" && method === "POST") {
      const request = JSON.parse(body) as { name: string; size: number; digest: string; projectId: string };
      const existing = [...files.values()].find((f) => f.digest === request.digest && f.status === "UPLOADED");
      if (existing) return send(200, { fileId: existing.id, uploadUrl: null, aws: null });
      const hex = request.digest.split(":")[1] ?? "";
      const key = `files/${hex}`;
      const file: StoredFile = { id: `file-${nextId++}`, ...request, key, status: "UPLOADING" };
      files.set(file.id, file);
      const fields = options.awsFields?.(key) ?? {
        key,
        policy: btoa(JSON.stringify({ expiration: "2999-01-01T00:00:00Z", conditions: [{ bucket }] })),
        "x-amz-algorithm": "AWS4-HMAC-SHA256",
      };
      return send(202, { fileId: file.id, uploadUrl: `${options.storageUrl}/${bucket}`, aws: fields });
    }
    if ((m = /^\/beta\/file\/([^/]+)$/.exec(path))) {
      const file = files.get(m[1]!);
      if (!file) return send(404, { detail: "no file" });
      if (method === "PATCH") {
        // Only bytes that really reached storage complete an upload.
        const stored = await fetch(`${options.storageUrl}/${bucket}/${file.key}`, { method: "HEAD" });
        if (!stored.ok) return send(400, { detail: "file not in storage" });
        file.status = "UPLOADED";
        return send(200, null);
      }
      return send(200, fileInfo(file));
    }
    if ((m = /^\/beta\/file\/([^/]+)\/download_url$/.exec(path))) {
      const file = files.get(m[1]!);
      if (!file) return send(404, { detail: "no file" });
      return send(200, {
        fileId: file.id,
        s3Uri: `s3://${bucket}/${file.key}`,
        downloadUrl: `${options.storageUrl}/${bucket}/${file.key}`,
      });
    }
    return send(404, { detail: `fake API has no ${method} ${path}` });
  };

  const server = await startFaultServer(async (req, res, { body }) => {
    // The fault server records bodies; this API keeps its own light log instead, so a test of
    // the client's memory does not measure the server's.
    server.requests.length = 0;
    state.requests.push({
      method: req.method ?? "",
      path: req.url ?? "",
      authorization: req.headers.authorization,
      team: req.headers["x-friendli-team"] as string | undefined,
    });
    try {
      await handle(req, res, body);
    } catch (error) {
      res.writeHead(500, { "content-type": "application/json" });
      res.end(JSON.stringify({ detail: String(error) }));
    }
  });
  state.url = server.url;
  state.stop = () => server.stop();
  return state;
}
