import { fileURLToPath } from "node:url";
import { runNodeScript, serveFaults } from "@friendli-ts/test-kit";
import { describe, expect, it } from "vitest";

// Node 20's fetch follows a Request's signal only weakly: a signal that reached fetch through
// a Request object was lost once that Request was collected. This runs the built client in a
// child process with `--expose-gc`, collecting every 20 ms while a call waits on a server that
// never answers, and checks that the timeout and the caller's abort still end the call.
const distEntry = fileURLToPath(new URL("../../dist/index.js", import.meta.url));

const serve = serveFaults();

// openapi-fetch's client builds a Request from the caller's signal: it must hold there too.
const factories = ["createFriendliClient", "createFriendliFetchClient"];

describe("timeouts and aborts hold under garbage collection", () => {
  it.each(factories)(
    "%s: a timeout and a caller's abort end a call while gc() runs every 20 ms",
    { timeout: 40_000 },
    async (factory) => {
      const server = await serve(() => new Promise(() => {}));
      const script = `
      import { createFriendliClient, createFriendliFetchClient } from ${JSON.stringify(distEntry)};
      const gcTimer = setInterval(() => globalThis.gc(), 20);
      const base = { baseURL: ${JSON.stringify(server.url)}, token: "t", maxRetries: 0, logLevel: "off" };
      const client = (timeout) => ${factory}({ ...base, timeout });
      const call = (client, signal) => client.GET("/serverless/v1/models", { signal });
      const started = Date.now();
      const timedOut = await call(client(300)).catch((e) => e.name);
      const timeoutMs = Date.now() - started;
      const controller = new AbortController();
      setTimeout(() => controller.abort(), 300);
      const aborted = await call(client(0), controller.signal).catch((e) => e.name);
      clearInterval(gcTimer);
      console.log(JSON.stringify({ timedOut, timeoutMs, aborted }));
      process.exit(0);
    `;
      const { code, output } = await runNodeScript(script, { flags: ["--expose-gc"], timeoutMs: 20_000 });
      expect(code, output).toBe(0);
      const result = JSON.parse(output.trim().split("\n").at(-1) ?? "{}");
      expect(result).toMatchObject({ timedOut: "APITimeoutError", aborted: "APIUserAbortError" });
      expect(result.timeoutMs).toBeLessThan(5_000);
    },
  );

  // Once openapi-fetch has returned, nothing holds its Request: a stream's body must still
  // follow the caller's own signal, not the Request's.
  it("createFriendliFetchClient: a caller's abort ends a stream's body while gc() runs every 20 ms", {
    timeout: 40_000,
  }, async () => {
    const server = await serve(async (_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write('data: {"n":1}\n\n');
      await new Promise(() => {});
    });
    const script = `
      import { createFriendliFetchClient } from ${JSON.stringify(distEntry)};
      const gcTimer = setInterval(() => globalThis.gc(), 20);
      const client = createFriendliFetchClient({ baseURL: ${JSON.stringify(server.url)}, token: "t", maxRetries: 0, timeout: 0, logLevel: "off" });
      const controller = new AbortController();
      const { data } = await client.POST("/serverless/v1/chat/completions", {
        body: { model: "m", messages: [{ role: "user", content: "Hi" }], stream: true },
        parseAs: "stream",
        signal: controller.signal,
      });
      const reader = data.getReader();
      await reader.read();
      // Collections run while the body waits; a lost link would leave the read below hanging.
      await new Promise((resolve) => setTimeout(resolve, 300));
      controller.abort();
      const aborted = await reader.read().then(() => "read on", (e) => e.name);
      clearInterval(gcTimer);
      console.log(JSON.stringify({ aborted }));
      process.exit(0);
    `;
    const { code, output } = await runNodeScript(script, { flags: ["--expose-gc"], timeoutMs: 20_000 });
    expect(code, output).toBe(0);
    expect(JSON.parse(output.trim().split("\n").at(-1) ?? "{}")).toEqual({ aborted: "APIUserAbortError" });
  });
});
