import { startMockServer } from "@friendli-ts/test-kit";
import type { MockServer } from "@friendli-ts/testing";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { main as chatParse } from "./mock-chat-parse.ts";
import { main as fileUpload } from "./mock-file-upload.ts";
import { main as runTools } from "./mock-run-tools.ts";
import { main as toolAssistedStream } from "./mock-tool-assisted-stream.ts";
import { main as waitForEndpoint } from "./mock-wait-for-endpoint.ts";
import type { MockExample } from "./on-mock.ts";

// Each example's main on one mock API, as `pnpm exec tsx --conditions=source examples/<file>.ts`
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
  it("mock-chat-parse: chat.parse reads the scripted JSON answer", async () => {
    const { printed, result } = await run(chatParse);
    expect(result).toEqual({ city: "Oslo", population: 717_710 });
    expect(printed).toEqual(["parse(): Oslo has 717710 people"]);
    // parse asked for the schema's JSON: the request the mock checked carried it.
    expect(mock.calls.at(-1)).toMatchObject({ operationId: "serverlessChatComplete", scripted: true, status: 200 });
  });

  it("mock-run-tools: the model calls get_weather twice, then answers", async () => {
    const { printed, result } = await run(runTools);
    expect(result).toEqual({
      content: "Rome is warmer: 18°C against 3°C in Oslo.",
      steps: 3,
      toolRuns: ["Oslo", "Rome"],
    });
    expect(printed.at(-1)).toBe("runTools(): 3 model calls, answer: Rome is warmer: 18°C against 3°C in Oslo.");
    expect(mock.calls.slice(-3).every((c) => c.operationId === "serverlessChatComplete" && c.scripted)).toBe(true);
  });

  it("mock-tool-assisted-stream: tool updates, then the streamed answer", async () => {
    const { printed, result } = await run(toolAssistedStream);
    expect(result).toEqual({
      tools: ["math:calculator STARTED", "math:calculator ENDED"],
      text: "150 miles is about 241.4 km.",
    });
    expect(printed.at(-1)).toBe("answer: 150 miles is about 241.4 km.");
    expect(mock.calls.at(-1)).toMatchObject({ stream: true, operationId: "serverlessToolAssistedChatStream" });
  });

  it("mock-wait-for-endpoint: waitFor follows INITIALIZING to RUNNING", async () => {
    const { printed, result } = await run(waitForEndpoint);
    expect(result).toEqual([
      "INITIALIZING (DOWNLOADING_MODEL) after 1 poll(s)",
      "INITIALIZING (ENGINE_INITIALIZING) after 2 poll(s)",
      "RUNNING after 3 poll(s)",
    ]);
    expect(printed.at(-1)).toBe("ep-demo is RUNNING");
    expect(mock.calls.filter((c) => c.operationId === "dedicatedGetEndpointStatus")).toHaveLength(3);
  });

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
