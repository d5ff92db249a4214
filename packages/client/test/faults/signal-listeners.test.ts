import { getEventListeners } from "node:events";
import { fileURLToPath } from "node:url";
import { runNodeScript, serveFaults } from "@friendli-ts/test-kit";
import { describe, expect, it } from "vitest";
import { APIUserAbortError } from "../../src/index.ts";
import { faultClient } from "../support/fault-client.ts";

// A listener on a caller's signal lives as long as the call's body can still be read. These
// run the built client in a child process with --expose-gc: many calls on one shutdown
// signal are handed over at their headers and dropped unread, and once they are collected
// the signal must hold no listener; a body still held keeps its call's abort.
const distEntry = fileURLToPath(new URL("../../dist/index.js", import.meta.url));

const serve = serveFaults();

const CALLS = 300;

// How each kind of call is handed over at its headers, and its body dropped unread.
const kinds = {
  "client.fetch": "(signal) => client.fetch('/serverless/v1/models', { signal })",
  "client.stream never iterated": `(signal) => client.stream("/serverless/v1/chat/completions#stream", {
      body: { model: "m", messages: [{ role: "user", content: "Hi" }] }, signal })`,
  "the fetch client's stream mode": `(signal) => fetchClient.POST("/serverless/v1/chat/completions", {
      body: { model: "m", messages: [{ role: "user", content: "Hi" }], stream: true }, parseAs: "stream", signal })`,
};

const script = (url: string, call: string) => `
  import { getEventListeners } from "node:events";
  import { createFriendliClient, createFriendliFetchClient } from ${JSON.stringify(distEntry)};
  const warnings = [];
  process.on("warning", (w) => warnings.push(w.name));
  const options = { baseURL: ${JSON.stringify(url)}, token: "t", maxRetries: 0, logLevel: "off" };
  const client = createFriendliClient(options);
  const fetchClient = createFriendliFetchClient(options);
  const call = ${call};
  const shutdown = new AbortController();
  const listeners = () => getEventListeners(shutdown.signal, "abort").length;
  // In waves of 50, all in flight together: the listener warning would show here.
  const settle = async () => {
    for (let i = 0; i < 20; i++) { globalThis.gc(); await new Promise((r) => setTimeout(r, 20)); }
  };
  for (let i = 0; i < ${CALLS}; i += 50) await Promise.all(Array.from({ length: 50 }, () => call(shutdown.signal)));
  await settle();
  const afterDropped = listeners();
  const kept = await call(shutdown.signal);
  await settle();
  const whileOneIsHeld = listeners();
  shutdown.abort();
  const body = kept.body ?? kept.response?.body ?? kept.data;
  let held = "not read";
  try {
    if (typeof body?.getReader === "function") { const r = body.getReader(); while (!(await r.read()).done); }
    else for await (const _ of kept) {}
    held = "read to its end";
  } catch (error) { held = error.name; }
  console.log(JSON.stringify({ afterDropped, whileOneIsHeld, held, warnings }));
  process.exit(0);
`;

describe("listeners on a caller's signal", () => {
  it.each(Object.entries(kinds))(
    "%s: calls dropped unread leave no listener once collected, a held one still aborts",
    { timeout: 60_000 },
    async (_kind, call) => {
      const server = await serve(async (req, res) => {
        const stream = req.url?.includes("chat") ?? false;
        res.writeHead(200, { "content-type": stream ? "text/event-stream" : "application/json" });
        // The body stays open: only an abort or a collection ends it.
        res.write(stream ? 'data: {"n":1}\n\n' : "[");
      });
      const { code, output } = await runNodeScript(script(server.url, call), {
        flags: ["--expose-gc"],
        timeoutMs: 50_000,
      });
      expect(code, output).toBe(0);
      const result = JSON.parse(output.trim().split("\n").at(-1) ?? "{}");
      // A stream aborted before its first read ends in an abort error of its own.
      expect(result).toEqual({
        afterDropped: 0,
        whileOneIsHeld: 1,
        held: expect.stringMatching(/AbortError$/),
        warnings: [],
      });
    },
  );
});

describe("one listener on a shared signal", () => {
  it("20 calls backing off together put one listener on it, and all end at its abort", async () => {
    const CALLS = 20;
    let waiting: (() => void)[] = [];
    const server = await serve(async (_req, res) => {
      // Every first attempt is answered at once, when all have arrived: then all back off together.
      await new Promise<void>((resolve) => {
        waiting.push(resolve);
        if (waiting.length === CALLS) for (const answer of waiting.splice(0)) answer();
      });
      res.writeHead(503, { "retry-after": "5" }).end();
    });
    const shutdown = new AbortController();
    let retriesLogged = 0;
    let most = 0;
    const client = faultClient(server.url, {
      maxDelayMs: 60_000,
      logLevel: "info",
      logger: {
        debug() {},
        warn() {},
        error() {},
        // Logged just before each call's backoff starts; the last one comes after all others began theirs.
        info() {
          most = Math.max(most, getEventListeners(shutdown.signal, "abort").length);
          if (++retriesLogged === CALLS) queueMicrotask(() => shutdown.abort());
        },
      },
    });
    const calls = Array.from({ length: CALLS }, () =>
      client.GET("/serverless/v1/models", { signal: shutdown.signal }).catch((error: unknown) => error),
    );
    const errors = await Promise.all(calls);
    waiting = [];
    expect(errors.every((error) => error instanceof APIUserAbortError)).toBe(true);
    expect(retriesLogged).toBe(CALLS);
    expect(most).toBeLessThanOrEqual(1);
    expect(getEventListeners(shutdown.signal, "abort")).toHaveLength(0);
  });
});
