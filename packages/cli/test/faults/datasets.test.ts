import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { serveFaults } from "@friendli-ts/test-kit";
import type {} from "@friendli-ts/test-kit/global-setup";
import { afterAll, beforeAll, describe, expect, inject, it } from "vitest";
import { assertBuilt, runCliAt } from "../support/run-cli.ts";

const mock = inject("mockServerUrl");
const serve = serveFaults();
let dir: string;

beforeAll(async () => {
  assertBuilt();
  dir = await mkdtemp(join(tmpdir(), "friendli-cli-"));
});
afterAll(() => rm(dir, { recursive: true, force: true }));

const json = (res: import("node:http").ServerResponse, status: number, value: unknown) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(value));
};

/** The three calls an upload makes, answered consistently: the dataset, its splits, add samples. */
async function fakeDatasetsApi() {
  const added: string[][] = [];
  const server = await serve((req, res, { body }) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    const at = "2026-01-01T00:00:00Z";
    if (req.method === "GET" && path === "/beta/dataset/d-1") {
      return json(res, 200, {
        id: "d-1",
        name: "demo",
        createdAt: 1,
        updatedAt: 1,
        modality: { input_modals: ["TEXT"], output_modals: ["TEXT"] },
      });
    }
    if (req.method === "GET" && path === "/beta/dataset/d-1/split") {
      return json(res, 200, { data: [{ id: "s-train", name: "train", createdAt: at, updatedAt: at }] });
    }
    if (req.method === "POST" && path === "/beta/dataset/d-1/split/s-train/sample") {
      const samples = JSON.parse(body) as string[];
      added.push(samples);
      return json(res, 200, { samples: samples.map((s, i) => [`sample-${i}`, s]) });
    }
    json(res, 404, { detail: `no ${req.method} ${path}` });
  });
  return { server, added };
}

const upload = (url: string, file: string) =>
  runCliAt(url, ["datasets", "upload", file, "--dataset", "d-1", "--project", "p-1"]);

describe("datasets and files", () => {
  it("datasets list prints the project's datasets (mock server)", async () => {
    const { code, stdout, stderr } = await runCliAt(mock, ["datasets", "list", "--project", "p-1"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    expect(stdout).toMatch(/^DATASET ID\s+NAME\s+MODALITY\s+UPDATED\n/);
  });

  it("datasets upload adds a JSONL file's samples to the split and prints their ids", async () => {
    const file = join(dir, "chat.jsonl");
    const lines = [0, 1, 2].map((i) =>
      JSON.stringify({
        messages: [
          { role: "user", content: `question ${i}` },
          { role: "assistant", content: `answer ${i}` },
        ],
      }),
    );
    await writeFile(file, `${lines.join("\n")}\n`);
    const { server, added } = await fakeDatasetsApi();
    const { code, stdout, stderr } = await runCliAt(server.url, [
      "datasets",
      "upload",
      file,
      "--dataset",
      "d-1",
      "--project",
      "p-1",
      "--split",
      "train",
    ]);
    expect(stderr).toContain("3 samples added to split train of dataset d-1");
    expect(code).toBe(0);
    expect(stdout).toBe("sample-0\nsample-1\nsample-2\n");
    // Sent as written, one batch.
    expect(added).toEqual([lines]);
  });

  it("a line that fails the checks stops the upload with exit 1, naming the line", async () => {
    const file = join(dir, "bad.jsonl");
    await writeFile(
      file,
      '{"messages":[{"role":"user","content":"hi"}]}\n{"messages":[{"role":"robot","content":"x"}]}\n',
    );
    const { server, added } = await fakeDatasetsApi();
    const { code, stdout, stderr } = await upload(server.url, file);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/^error: \w+Error: .*line 2 .*"robot"/);
    expect(added).toEqual([]);
  });

  it("datasets upload of a file that is not there exits 2", async () => {
    const { code, stderr } = await runCliAt(mock, [
      "datasets",
      "upload",
      join(dir, "missing.jsonl"),
      "--dataset",
      "d-1",
      "--project",
      "p-1",
    ]);
    expect(code).toBe(2);
    expect(stderr).toMatch(/cannot read .*missing\.jsonl: ENOENT/);
  });

  it("files upload prints the file id (mock server)", async () => {
    const file = join(dir, "cat.txt");
    await writeFile(file, "not really a cat");
    const { code, stdout } = await runCliAt(mock, ["files", "upload", file, "--project", "p-1"]);
    expect(code).toBe(0);
    expect(stdout).toMatch(/^\S+\n$/);
  });
});
