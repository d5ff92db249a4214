import type { MockServer } from "@friendli-ts/client/testing";
import { startMockServer } from "@friendli-ts/test-kit";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { main as fileUpload } from "./mock-file-upload.ts";
import type { MockExample } from "./on-mock.ts";

// Each example's main on one mock API, as `npx tsx --conditions=source examples/<file>.ts`
// runs it: what it printed and returned, and that it used every answer it scripted.
let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer();
});
afterAll(() => mock?.stop());
beforeEach(() => mock.reset());

async function run<Result>(main: MockExample<Result>) {
  const printed: string[] = [];
  const result = await main(mock, (line) => printed.push(line));
  // Every counted answer was used (an "always" one stays until reset).
  expect(mock.pendingReplies().filter((r) => r.remaining !== "always")).toEqual([]);
  return { printed, result };
}

describe("the examples, on the mock API", () => {
  it("mock-file-upload: datasets' files.upload runs end to end against the mock's storage", async () => {
    const { printed, result } = await run(fileUpload);
    expect(result.stored).toBe('{"messages":[{"role":"user","content":"Hi"}]}\n');
    expect(printed).toEqual([
      `uploaded 46 bytes as ${result.fileId} (UPLOADED)`,
      `the mock's storage holds 46 bytes under ${result.fileId}`,
      "storage saw the API token: false",
      "second upload of the same bytes sent to storage: false",
    ]);
    const path = (c: { method: string; path: string }) => `${c.method} ${c.path}`;
    expect(mock.calls.slice(-6).map((c) => `${path(c)} ${c.status}`)).toEqual([
      "POST /beta/file 202",
      `PATCH /beta/file/${result.fileId} 200`,
      `GET /beta/file/${result.fileId} 200`,
      "POST /beta/file 200",
      `PATCH /beta/file/${result.fileId} 200`,
      `GET /beta/file/${result.fileId} 200`,
    ]);
  });
});
