import { serveFaults } from "@friendli-ts/test-kit";
import { beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, sseChunk, startCli, TOKEN } from "../support/run-cli.ts";

const serve = serveFaults();
beforeAll(assertBuilt);

// A closed pipe ends the command with exit 0 and nothing on stderr: no "Unhandled 'error'
// event", no stack trace. The reader closes its end before the command writes, or after the
// first chunk of an output far larger than a pipe holds, so the write surely fails.
describe("a reader that goes away (| head -1)", () => {
  it("--help with stdout closed before it writes", async () => {
    const run = startCli(["--help"]);
    run.child.stdout?.destroy();
    const result = await run.done;
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("a long endpoints list with stdout closed after its first line", async () => {
    // About 400 kB of table, several times what a pipe buffers.
    const data = Object.fromEntries(
      Array.from({ length: 4_000 }, (_, i) => [`endpoint-${String(i).padStart(80, "0")}`, { status: "RUNNING" }]),
    );
    const server = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ data }));
    });
    const run = startCli(["--base-url", server.url, "--token", TOKEN, "endpoints", "list"]);
    let firstLine = "";
    run.child.stdout?.once("data", (chunk: Buffer) => {
      firstLine = chunk.toString("utf8").split("\n")[0]!;
      run.child.stdout?.destroy();
    });
    const result = await run.done;
    expect(firstLine).toMatch(/^ENDPOINT ID\s+STATUS/);
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("stderr closed: the error is not printed, the exit code is still the command's", async () => {
    const run = startCli(["bogus-command"]);
    run.child.stderr?.destroy();
    const result = await run.done;
    expect(result.stdout).toBe("");
    expect(result.code).toBe(2);
  });

  it("stderr closed: a chat's reasoning is dropped, its answer still printed", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.end(`${sseChunk({ reasoning_content: "thinking" })}${sseChunk({ content: "answer" })}data: [DONE]\n\n`);
    });
    const run = startCli(["--base-url", server.url, "--token", TOKEN, "chat", "hi"]);
    run.child.stderr?.destroy();
    const result = await run.done;
    expect(result.stdout).toBe("answer\n");
    expect(result.code).toBe(0);
  });
});
