import { openAsBlob } from "node:fs";
import { mkdtemp, rm, stat, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { Readable } from "node:stream";
import { setFlagsFromString } from "node:v8";
import { runInNewContext } from "node:vm";
import { afterAll, beforeAll, expect, it } from "vitest";
import { createFriendliDatasets } from "../../src/index.ts";
import { type FakeApi, startFakeApi } from "../support/start-fake-api.ts";

const SAMPLES = 100_000;
const MB = 1024 * 1024;

// A full collection before each reading, so the figure is memory still held, not garbage.
setFlagsFromString("--expose-gc");
const gc = runInNewContext("gc") as () => void;

let dir: string;
let api: FakeApi;
beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), "friendli-jsonl-"));
  api = await startFakeApi({ storageUrl: "http://127.0.0.1:9" });
});
afterAll(async () => {
  await api?.stop();
  await rm(dir, { recursive: true, force: true });
});

// Written 1,000 lines per chunk: many tiny writes would make the setup the slow part.
function* chunks() {
  const filler = "lorem ipsum dolor sit amet ".repeat(10);
  for (let start = 0; start < SAMPLES; start += 1000) {
    let chunk = "";
    for (let i = start; i < start + 1000; i++) {
      const sample = {
        messages: [
          { role: "system", content: "You answer in one sentence." },
          { role: "user", content: `question ${i}: ${filler}` },
          { role: "assistant", content: `answer ${i}: ${filler}` },
        ],
      };
      chunk += `${JSON.stringify(sample)}\n`;
    }
    yield chunk;
  }
}

it(`streams a JSONL of ${SAMPLES.toLocaleString("en")} samples with bounded memory`, async () => {
  const file = join(dir, "samples.jsonl");
  await writeFile(file, Readable.from(chunks()));
  const { size } = await stat(file);

  const friendli = createFriendliDatasets({ baseURL: api.url, token: "test-token", maxRetries: 0 });
  const dataset = await friendli.datasets.open({ projectId: "p", name: "big", modality: ["TEXT"] });
  gc();
  const baseline = process.memoryUsage().heapUsed;
  let peak = 0;
  let reports = 0;
  let bytesRead: number | null = null;
  const started = performance.now();
  const ids = await dataset.uploadSamples(await openAsBlob(file), {
    batchSize: 1000,
    onProgress: (progress) => {
      bytesRead = progress.bytesRead;
      // Every 10th batch: sample the retained heap.
      if (++reports % 10 !== 0) return;
      gc();
      peak = Math.max(peak, process.memoryUsage().heapUsed - baseline);
      expect(progress.bytesTotal).toBe(size);
    },
  });
  const seconds = (performance.now() - started) / 1000;

  expect(ids).toHaveLength(SAMPLES);
  expect(ids[0]!.endsWith(":0")).toBe(true);
  expect(ids.at(-1)!.endsWith(`:${SAMPLES - 1}`)).toBe(true);
  expect(api.samplesAdded).toBe(SAMPLES);
  expect(bytesRead).toBe(size);
  expect(api.addRequests).toBe(SAMPLES / 1000);
  console.log(
    `jsonl upload: ${SAMPLES} samples, ${(size / MB).toFixed(1)} MB file, ` +
      `peak retained heap growth ${(peak / MB).toFixed(1)} MB (ids included), ${seconds.toFixed(1)} s`,
  );
  // Holding the file would take at least its size; one batch and the ids take far less.
  expect(peak).toBeLessThan(size / 4);
  // A memory bound, not a speed test: on a busy machine the run may take a minute.
}, 120_000);
