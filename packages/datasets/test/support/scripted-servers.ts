import type { IncomingMessage, ServerResponse } from "node:http";
import { type FaultServer, startFaultServer } from "@friendli-ts/test-kit";

/** Which requests a scripted server leaves without an answer, so only a timeout ends them. */
export type HangRule = (method: string, url: URL) => boolean;

export interface ScriptedServers {
  /** Plays the dataset and file API: one dataset `ds-1`, split `sp-1` ("train"), file `f-1`. */
  api: FaultServer;
  /** Plays storage (form POSTs) and a third-party media host (GETs). */
  storage: FaultServer;
  /** Set to make matching requests hang; null answers everything. */
  hang: { api: HangRule | null; storage: HangRule | null };
}

const now = 1_700_000_000;
const json = (res: ServerResponse, value: unknown, status = 200) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(value));
};

/**
 * Real HTTP servers on 127.0.0.1 that record every request with its headers
 * (`requests[i].headers`), for checking what reaches the wire; no fetch stubs.
 */
export async function startScriptedServers(): Promise<ScriptedServers> {
  const hang: ScriptedServers["hang"] = { api: null, storage: null };
  const never = () => new Promise<void>(() => {});

  const storage = await startFaultServer(async (req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    if (hang.storage?.(req.method ?? "", url)) return never();
    if (req.method === "POST") return void res.writeHead(204).end();
    res.writeHead(200, { "content-type": "image/png" });
    res.end(Buffer.from([137, 80, 78, 71, 1, 2, 3]));
  });

  const dataset = {
    id: "ds-1",
    name: "cats",
    modality: { input_modals: ["TEXT", "IMAGE"], output_modals: ["TEXT"] },
    createdAt: now,
    updatedAt: now,
  };
  const split = { id: "sp-1", name: "train", createdAt: now, updatedAt: now };
  const file = {
    id: "f-1",
    name: "image.png",
    size: 7,
    digest: "sha256:00",
    projectId: "p",
    creatorId: "u",
    createdAt: new Date(now * 1000).toISOString(),
    expiresAt: null,
    status: "UPLOADED",
  };

  const handle = (req: IncomingMessage, res: ServerResponse, body: string) => {
    const url = new URL(req.url ?? "/", "http://x");
    const method = req.method ?? "GET";
    const route = `${method} ${url.pathname}`;
    if (hang.api?.(method, url)) return never();
    // Two pages wherever a list is walked: the second when the cursor is "c2".
    const page = <T>(items: T[]) =>
      url.searchParams.get("cursor") === "c2" ? { data: items, nextCursor: null } : { data: items, nextCursor: "c2" };
    switch (route) {
      case "GET /beta/dataset":
        return json(
          res,
          url.searchParams.get("nameSearch") === "new" ? { data: [], nextCursor: null } : page([dataset]),
        );
      case "POST /beta/dataset":
        return json(res, dataset);
      case "GET /beta/dataset/ds-1":
        return json(res, dataset);
      case "GET /beta/dataset/ds-1/split":
        return json(res, page([split]));
      case "POST /beta/dataset/ds-1/split": {
        const name = url.searchParams.get("name") ?? "";
        return json(res, { ...split, id: `sp-${name}`, name });
      }
      case "GET /beta/dataset/ds-1/split/sp-1/sample":
        return json(res, page([["ds-1:v:sp-1:0", "{}"]]));
      case "POST /beta/dataset/ds-1/split/sp-1/sample": {
        const samples = JSON.parse(body) as string[];
        return json(res, { samples: samples.map((s, i) => [`ds-1:v:sp-1:${i}`, s]) });
      }
      case "POST /beta/file":
        return json(res, { fileId: "f-1", uploadUrl: `${storage.url}/bucket`, aws: { key: "files/f-1" } }, 202);
      case "PATCH /beta/file/f-1":
        return json(res, null);
      case "GET /beta/file/f-1":
        return json(res, file);
      case "GET /beta/file/f-1/download_url":
        return json(res, { fileId: "f-1", s3Uri: "s3://bucket/files/f-1", downloadUrl: `${storage.url}/bucket/f-1` });
      default:
        return json(res, { detail: `no ${route}` }, 404);
    }
  };
  const api = await startFaultServer((req, res, { body }) => handle(req, res, body));
  return { api, storage, hang };
}
