import { recordSentRequests, type SentRequests, timeoutOnlyFor } from "@friendli-ts/test-kit";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import {
  APITimeoutError,
  type CallOptions,
  createFriendliDatasets,
  type FriendliDatasets,
  MediaUploadError,
  type Sample,
  SampleUploadError,
  StorageUploadError,
} from "../../src/index.ts";
import { type HangRule, type ScriptedServers, startScriptedServers } from "../support/scripted-servers.ts";

// Every helper (a method that makes several requests) passes the caller's options whole to
// each API request it makes: a per-call header and team on all of them, a per-call timeout
// on all of them. Storage and media requests take the timeout, never the API's headers.

let servers: ScriptedServers;
let friendli: FriendliDatasets;
let recorder: SentRequests;
let shieldAnswered = false;
beforeEach(async () => {
  servers = await startScriptedServers();
  recorder = recordSentRequests();
  // Within expectCallTimeout, the short timeout may end only the request the test makes the
  // server hold: the ones answered before it get no signal, so a slow machine cannot time them
  // out first (one request sent instead of three).
  const held = (method: string, url: URL) =>
    url.origin === servers.api.url
      ? (servers.hang.api?.(method, url) ?? false)
      : (servers.hang.storage?.(method, url) ?? false);
  const shielded = timeoutOnlyFor(recorder.fetch, held);
  friendli = createFriendliDatasets({
    fetch: (input, init) => (shieldAnswered ? shielded : recorder.fetch)(input, init),
    baseURL: servers.api.url,
    token: "tok",
    teamId: "team-client",
    timeout: 60_000,
    maxRetries: 0,
    initialDelayMs: 1,
  });
});
afterEach(async () => {
  await Promise.all([servers.api.stop(), servers.storage.stop()]);
});

const call: CallOptions = { headers: { "x-trace": "t-1" }, teamId: "team-call" };
const PNG = `data:image/png;base64,${btoa("png bytes")}`;
const imageSample = (url: string): Sample => ({
  messages: [
    { role: "user", content: [{ type: "image_url", image_url: { url } }] },
    { role: "assistant", content: "a picture" },
  ],
});

/**
 * API requests as the client sent them. After a call's timeout, count these: on a busy machine
 * the client may give up before the server has read the last request.
 */
const sentApiRoutes = () =>
  recorder.sent.filter((r) => r.url.startsWith(servers.api.url)).map((r) => `${r.method} ${new URL(r.url).pathname}`);

const apiRoutes = () => servers.api.requests.map((r) => `${r.method} ${new URL(r.path, "http://x").pathname}`);

/** Every API request carried the call's header and team (and the token); storage got none of them. */
function expectHeadersOnApiOnly() {
  expect(servers.api.requests.length).toBeGreaterThan(0);
  for (const request of servers.api.requests) {
    expect(request.headers, `${request.method} ${request.path}`).toMatchObject({
      "x-trace": "t-1",
      "x-friendli-team": "team-call",
      authorization: "Bearer tok",
    });
  }
  for (const request of servers.storage.requests) {
    expect(request.headers["x-trace"], `${request.method} ${request.path}`).toBeUndefined();
    expect(request.headers["x-friendli-team"]).toBeUndefined();
    expect(request.headers.authorization).toBeUndefined();
  }
}

const onPath =
  (method: string, pathname: string, cursor?: string): HangRule =>
  (m, url) =>
    m === method && url.pathname === pathname && (cursor === undefined || url.searchParams.get("cursor") === cursor);

/** Runs `task` with a per-call timeout of 100 ms against a request that never answers (the client's is 60 s). */
async function expectCallTimeout(task: (options: CallOptions) => Promise<unknown>): Promise<unknown> {
  const started = Date.now();
  shieldAnswered = true;
  const error = await task({ ...call, timeout: 100 })
    .catch((e: unknown) => e)
    .finally(() => {
      shieldAnswered = false;
    });
  expect(Date.now() - started).toBeLessThan(10_000);
  return error;
}

describe("datasets.open", () => {
  it("sends the call's header and team with every request (find, list splits page by page)", async () => {
    const dataset = await friendli.datasets.open({ projectId: "p", name: "cats", modality: ["TEXT"], ...call });
    expect(dataset).toMatchObject({ id: "ds-1", created: false });
    expect(apiRoutes()).toEqual(["GET /beta/dataset", "GET /beta/dataset/ds-1/split", "GET /beta/dataset/ds-1/split"]);
    expectHeadersOnApiOnly();
  });

  it("sends them when it creates the dataset and its split too", async () => {
    await friendli.datasets.open({ projectId: "p", name: "new", modality: ["TEXT"], defaultSplit: "all", ...call });
    expect(apiRoutes()).toEqual(["GET /beta/dataset", "POST /beta/dataset", "POST /beta/dataset/ds-1/split"]);
    expectHeadersOnApiOnly();
  });

  it("applies the call's timeout to its last request", async () => {
    servers.hang.api = onPath("GET", "/beta/dataset/ds-1/split", "c2");
    const error = await expectCallTimeout((options) =>
      friendli.datasets.open({ projectId: "p", name: "cats", modality: ["TEXT"], ...options }),
    );
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(sentApiRoutes()).toHaveLength(3);
  });
});

describe("datasets.openById and a handle's split", () => {
  it("send the call's header and team", async () => {
    const dataset = await friendli.datasets.openById("ds-1", { projectId: "p", ...call });
    expect((await dataset.split("validation", call)).id).toBe("sp-validation");
    expect(apiRoutes()).toEqual([
      "GET /beta/dataset/ds-1",
      "GET /beta/dataset/ds-1/split",
      "GET /beta/dataset/ds-1/split",
      "POST /beta/dataset/ds-1/split",
    ]);
    expectHeadersOnApiOnly();
  });

  it("openById applies the call's timeout", async () => {
    servers.hang.api = onPath("GET", "/beta/dataset/ds-1");
    const error = await expectCallTimeout((options) =>
      friendli.datasets.openById("ds-1", { projectId: "p", ...options }),
    );
    expect(error).toBeInstanceOf(APITimeoutError);
  });

  it("split applies the call's timeout to the split it creates", async () => {
    const dataset = await friendli.datasets.openById("ds-1", { projectId: "p" });
    servers.hang.api = onPath("POST", "/beta/dataset/ds-1/split");
    const error = await expectCallTimeout((options) => dataset.split("validation", options));
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(apiRoutes().at(-1)).toBe("POST /beta/dataset/ds-1/split");
  });
});

describe("a handle's uploadSamples", () => {
  it("sends the call's header and team with every API request, and none of them to storage or media hosts", async () => {
    const dataset = await friendli.datasets.openById("ds-1", { projectId: "p" });
    servers.api.requests.length = 0;
    const ids = await dataset.uploadSamples([imageSample(`${servers.storage.url}/cat.png`), imageSample(PNG)], call);
    expect(ids).toHaveLength(2);
    expect(apiRoutes()).toEqual(
      expect.arrayContaining([
        "GET /beta/dataset/ds-1/split",
        "POST /beta/file",
        "PATCH /beta/file/f-1",
        "GET /beta/file/f-1",
        "GET /beta/file/f-1/download_url",
        "POST /beta/dataset/ds-1/split/sp-1/sample",
      ]),
    );
    expect(servers.storage.requests.map((r) => r.method).sort()).toEqual(["GET", "POST", "POST"]);
    expectHeadersOnApiOnly();
  });

  it("applies the call's timeout to adding the samples", async () => {
    const dataset = await friendli.datasets.openById("ds-1", { projectId: "p" });
    servers.hang.api = onPath("POST", "/beta/dataset/ds-1/split/sp-1/sample");
    servers.api.requests.length = 0;
    const error = await expectCallTimeout((options) => dataset.uploadSamples([imageSample(PNG)], options));
    expect(error).toBeInstanceOf(SampleUploadError);
    expect((error as Error).cause).toBeInstanceOf(APITimeoutError);
    // The batch in doubt was looked for in the split, with the same call options.
    expect(apiRoutes()).toContain("GET /beta/dataset/ds-1/split/sp-1/sample");
    expect(error).toMatchObject({ samplesStored: 0, batchOutcome: "unknown" });
    expectHeadersOnApiOnly();
  });

  it("applies the call's timeout to the file API requests of its media", async () => {
    const dataset = await friendli.datasets.openById("ds-1", { projectId: "p" });
    servers.hang.api = onPath("GET", "/beta/file/f-1/download_url");
    const error = await expectCallTimeout((options) => dataset.uploadSamples([imageSample(PNG)], options));
    const cause = (error as Error).cause;
    expect(cause).toBeInstanceOf(MediaUploadError);
    expect((cause as Error).cause).toBeInstanceOf(APITimeoutError);
  });

  it("applies the call's timeout to media downloads", async () => {
    const dataset = await friendli.datasets.openById("ds-1", { projectId: "p" });
    servers.hang.storage = (method) => method === "GET";
    const error = await expectCallTimeout((options) =>
      dataset.uploadSamples([imageSample(`${servers.storage.url}/slow.png`)], options),
    );
    const cause = (error as Error).cause;
    expect(cause).toBeInstanceOf(MediaUploadError);
    expect((cause as Error).cause).toBeInstanceOf(APITimeoutError);
  });

  it("applies the call's timeout to storage uploads", async () => {
    const dataset = await friendli.datasets.openById("ds-1", { projectId: "p" });
    servers.hang.storage = (method) => method === "POST";
    const error = await expectCallTimeout((options) => dataset.uploadSamples([imageSample(PNG)], options));
    const cause = (error as Error).cause;
    expect(cause).toBeInstanceOf(MediaUploadError);
    const storageError = (cause as Error).cause;
    expect(storageError).toBeInstanceOf(StorageUploadError);
    expect((storageError as Error).cause).toBeInstanceOf(APITimeoutError);
  });

  it("applies the call's maxRetries to media downloads", async () => {
    const dataset = await friendli.datasets.openById("ds-1", { projectId: "p" });
    let gets = 0;
    servers.hang.storage = (method) => method === "GET" && ++gets === 1;
    // The first download hangs past the call's timeout; the call's one retry gets the image.
    // The server counts downloads as it reads them, so the timeout leaves it room to read the
    // first on a busy machine.
    const ids = await dataset.uploadSamples([imageSample(`${servers.storage.url}/cat.png`)], {
      timeout: 1_000,
      maxRetries: 1,
    });
    expect(ids).toHaveLength(1);
    expect(servers.storage.requests.filter((r) => r.method === "GET")).toHaveLength(2);
  });
});

describe("files.upload", () => {
  it("sends the call's header and team with every API request, none to storage", async () => {
    const uploaded = await friendli.files.upload(new Blob(["bytes"]), { name: "a.bin", projectId: "p", ...call });
    expect(uploaded).toMatchObject({ fileId: "f-1", sentToStorage: true });
    expect(apiRoutes()).toEqual(["POST /beta/file", "PATCH /beta/file/f-1", "GET /beta/file/f-1"]);
    expect(servers.storage.requests).toHaveLength(1);
    expectHeadersOnApiOnly();
  });

  it("applies the call's timeout to its last request", async () => {
    servers.hang.api = onPath("GET", "/beta/file/f-1");
    const error = await expectCallTimeout((options) =>
      friendli.files.upload(new Blob(["bytes"]), { name: "a.bin", projectId: "p", ...options }),
    );
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(sentApiRoutes()).toEqual(["POST /beta/file", "PATCH /beta/file/f-1", "GET /beta/file/f-1"]);
  });
});

describe("listAll", () => {
  const lists: [string, (options: CallOptions) => AsyncIterable<unknown> & { toArray(): Promise<unknown[]> }][] = [
    ["datasets.listAll", (options) => friendli.datasets.listAll({ projectId: "p" }, options)],
    ["splits.listAll", (options) => friendli.splits.listAll("ds-1", {}, options)],
    ["samples.listAll", (options) => friendli.samples.listAll("ds-1", "sp-1", {}, options)],
  ];

  it.each(lists)("%s sends the call's header and team with every page", async (_name, list) => {
    expect(await list(call).toArray()).toHaveLength(2);
    expect(servers.api.requests).toHaveLength(2);
    expect(new URL(servers.api.requests[1]!.path, "http://x").searchParams.get("cursor")).toBe("c2");
    expectHeadersOnApiOnly();
  });

  it.each(lists)("%s applies the call's timeout to a later page", async (_name, list) => {
    servers.hang.api = (_method, url) => url.searchParams.get("cursor") === "c2";
    const error = await expectCallTimeout((options) => list(options).toArray());
    expect(error).toBeInstanceOf(APITimeoutError);
    expect(sentApiRoutes()).toHaveLength(2);
  });

  it("starts from the query's cursor and stops fetching on break", async () => {
    const seen = [];
    for await (const dataset of friendli.datasets.listAll({ projectId: "p", cursor: "c2" })) seen.push(dataset);
    expect(seen).toHaveLength(1);
    expect(servers.api.requests.map((r) => new URL(r.path, "http://x").searchParams.get("cursor"))).toEqual(["c2"]);
    servers.api.requests.length = 0;
    for await (const _ of friendli.splits.listAll("ds-1")) break;
    expect(servers.api.requests).toHaveLength(1);
  });
});

describe("a handle's split after a failed listing", () => {
  it("lists the splits again on the next call", async () => {
    const dataset = await friendli.datasets.openById("ds-1", { projectId: "p" });
    servers.hang.api = onPath("GET", "/beta/dataset/ds-1/split");
    await expect(dataset.split("train", { timeout: 100 })).rejects.toBeInstanceOf(APITimeoutError);
    servers.hang.api = null;
    expect((await dataset.split("train")).id).toBe("sp-1");
  });
});
