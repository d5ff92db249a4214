import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { serveFaults } from "@friendli-ts/test-kit";
// Declares `inject("mockServerUrl")`, the workspace mock server the shared config starts.
import type {} from "@friendli-ts/test-kit/global-setup";
import { beforeAll, describe, expect, inject, it } from "vitest";
import { assertBuilt, type CliResult, runCli, runCliAt, startCli, TOKEN } from "../support/run-cli.ts";

const mock = inject("mockServerUrl");
const serve = serveFaults();

/** Every run against the mock server, with the token; checks the token was printed nowhere. */
async function friendli(args: string[], options?: Parameters<typeof runCli>[1]): Promise<CliResult> {
  const result = await runCliAt(mock, [...args], options);
  expectNoToken(result);
  return result;
}

function expectNoToken(result: CliResult) {
  expect(result.stdout).not.toContain(TOKEN);
  expect(result.stderr).not.toContain(TOKEN);
}

/** A 127.0.0.1 port nothing listens on: bound, then closed. */
async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

const chunk = (content: string) =>
  `data: ${JSON.stringify({
    id: "c-1",
    object: "chat.completion.chunk",
    created: 1,
    model: "m",
    choices: [{ index: 0, delta: { content }, finish_reason: null }],
  })}\n\n`;

beforeAll(assertBuilt);

describe.concurrent("friendli against the mock server", () => {
  it("--help lists the commands and exits 0", async () => {
    const { code, stdout } = await runCli(["--help"]);
    expect(code).toBe(0);
    expect(stdout).toContain("Usage: friendli");
    for (const command of ["chat", "tokenize", "detokenize", "endpoints", "cost", "usage"]) {
      expect(stdout).toContain(command);
    }
    expect(stdout).toMatch(/Exit codes: 0 .* 2 bad arguments/);
  });

  it("--version prints the package's version and exits 0", async () => {
    const { version } = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"));
    const result = await runCli(["--version"]);
    expect(result).toMatchObject({ code: 0, stdout: `${version}\n`, stderr: "" });
  });

  it("chat streams the answer to stdout", async () => {
    const { code, stdout, stderr } = await friendli(["chat", "hi"]);
    expect(stderr).toBe("");
    expect(code).toBe(0);
    // The mock's default answer: a few sentences, streamed in pieces.
    expect(stdout).toMatch(/^[A-Z].*\.\n$/);
  });

  it("chat --json prints each chunk as one JSON line", async () => {
    const { code, stdout } = await friendli(["chat", "--json", "hi"]);
    expect(code).toBe(0);
    const chunks = stdout
      .trim()
      .split("\n")
      .map((line) => JSON.parse(line));
    expect(chunks.length).toBeGreaterThanOrEqual(3);
    expect(chunks[0]).toMatchObject({ object: "chat.completion.chunk" });
    expect(chunks.map((c) => c.choices[0]?.delta?.content ?? "").join("")).toMatch(/^[A-Z].*\.$/);
  });

  it("chat reads the prompt from stdin when it is piped and none is given", async () => {
    const { code, stdout } = await friendli(["chat"], { input: "hello from a pipe\n" });
    expect(code).toBe(0);
    expect(stdout).toMatch(/^[A-Z].*\.\n$/);
  });

  it("tokenize and detokenize", async () => {
    const [tokens, text] = await Promise.all([
      friendli(["tokenize", "What is generative AI?", "--model", "meta-llama-3.1-8b-instruct"]),
      friendli(["detokenize", "128000", "3923,374"]),
    ]);
    expect(tokens).toMatchObject({ code: 0, stdout: "128000 3923 374 1803 1413 15592 30\n" });
    expect(text).toMatchObject({ code: 0, stdout: "What is generative AI?\n" });
  });

  it("endpoints list prints a table, and JSON with --json", async () => {
    const [table, json] = await Promise.all([
      friendli(["endpoints", "list"]),
      friendli(["--json", "endpoints", "list"]),
    ]);
    expect(table.code).toBe(0);
    const lines = table.stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^ENDPOINT ID\s+STATUS\s+PHASE\s+UPDATED$/);
    expect(lines.slice(1)).toEqual([
      expect.stringMatching(/^endpoint-id-1\s+INITIALIZING\s+DOWNLOADING_MODEL\s+2025-01-01T00:00:00Z$/),
      expect.stringMatching(/^endpoint-id-2\s+RUNNING\s+2025-01-01T00:00:00Z$/),
    ]);
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({ endpointId: "endpoint-id-1", status: "INITIALIZING" }),
      expect.objectContaining({ endpointId: "endpoint-id-2", status: "RUNNING" }),
    ]);
  });

  it("endpoints status prints the status and its phase", async () => {
    const { code, stdout } = await friendli(["endpoints", "status", "endpoint-id-1"]);
    expect(code).toBe(0);
    expect(stdout).toBe("INITIALIZING (DOWNLOADING_MODEL)\n");
  });

  it("endpoints wait that runs out of time exits 1, with its progress on stderr", async () => {
    // The mock answers INITIALIZING forever. The deadline leaves room for the first status
    // on a busy machine, so the progress line is there to check.
    const { code, stdout, stderr } = await friendli([
      "endpoints",
      "wait",
      "endpoint-id-1",
      "--until",
      "RUNNING",
      "--timeout",
      "2",
      "--interval",
      "0.1",
    ]);
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toContain("endpoint-id-1: INITIALIZING (DOWNLOADING_MODEL), waiting for RUNNING\n");
    expect(stderr).toMatch(/error: EndpointWaitTimeoutError: .*INITIALIZING/);
  });

  it("cost prints a table with a total", async () => {
    const { code, stdout } = await friendli(["cost", "--from", "2026-01-01", "--to", "2026-01-08"]);
    expect(code).toBe(0);
    const lines = stdout.trim().split("\n");
    expect(lines[0]).toMatch(/^DATE\s+LINE ITEM\s+QUANTITY\s+UNIT PRICE\s+TOTAL$/);
    expect(lines.at(-1)).toMatch(/^total\s+[\d.,]+$/);
  });

  it("usage prints a table, JSON with --json", async () => {
    const [table, json] = await Promise.all([
      friendli(["usage", "--from", "2026-01-01", "--to", "2026-01-08", "--group-by", "model,product_type"]),
      friendli(["usage", "--json", "--from", "2026-01-01", "--to", "2026-01-08"]),
    ]);
    expect(table.code).toBe(0);
    expect(table.stdout).toMatch(/^START\s+PRODUCT\s+MODEL\s+USER\s+REQUESTS\s+INPUT TOKENS\s+OUTPUT TOKENS\n/);
    expect(json.code).toBe(0);
    expect(Array.isArray(JSON.parse(json.stdout))).toBe(true);
  });
});

describe.concurrent("bad arguments exit 2 with a message, before any request", () => {
  const cases: [string, string[], RegExp][] = [
    ["an unknown command", ["bogus"], /error: unknown command 'bogus'/],
    ["a missing endpoint id", ["endpoints", "status"], /error: missing required argument 'id'/],
    [
      "a date that does not exist",
      ["cost", "--from", "2026-02-30", "--to", "2026-03-01"],
      /--from "2026-02-30" is not a date/,
    ],
    ["a missing --to", ["cost", "--from", "2026-01-01"], /required option '--to <date>' not specified/],
    [
      "a --from time without a zone",
      ["cost", "--from", "2026-01-01T00:00:00", "--to", "2026-01-02"],
      /^error: --from "2026-01-01T00:00:00" has no time zone/,
    ],
    [
      "a --to time without a zone",
      ["usage", "--from", "2026-01-01", "--to", "2026-01-02 10:00"],
      /^error: --to "2026-01-02 10:00" has no time zone/,
    ],
    [
      "a cost range off midnight",
      ["cost", "--from", "2026-01-01T05:00:00Z", "--to", "2026-01-02"],
      /InvalidInputError: .*midnight UTC/,
    ],
    ["a token id that is not a number", ["detokenize", "12", "x"], /token id "x" is not a whole number/],
    ["an unknown status to wait for", ["endpoints", "wait", "e", "--until", "DONE"], /--until: "DONE" is not one of/],
    ["terminate without --yes", ["endpoints", "terminate", "e"], /add --yes/],
    ["no prompt", ["chat"], /no prompt/],
    ["a bad --max-retries", ["--max-retries", "many", "chat", "hi"], /'--max-retries <n>' argument 'many' is invalid/],
    // Zero seconds is no time limit and no pause: refused, not taken as "wait forever" or a busy loop.
    ["--timeout 0", ["endpoints", "wait", "e", "--timeout", "0"], /'--timeout <seconds>' argument '0' is invalid/],
    [
      "--interval 0",
      ["endpoints", "wait", "e", "--interval", "0", "--timeout", "1"],
      /'--interval <seconds>' argument '0' is invalid/,
    ],
  ];
  it.each(cases)("%s", async (_, args, message) => {
    const { code, stdout, stderr } = await friendli(args);
    expect(stderr).toMatch(message);
    expect(stdout).toBe("");
    expect(code).toBe(2);
  });

  it("no token at all", async () => {
    const { code, stderr } = await runCli(["--base-url", mock, "endpoints", "list"]);
    expect(code).toBe(2);
    expect(stderr).toBe("error: no token: pass --token or set FRIENDLI_TOKEN (or try --mock)\n");
  });

  it("a mistyped --token=<value> is not echoed", async () => {
    const result = await runCli(["--tokne=test-token", "chat", "hi"]);
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("unknown option '--tokne=...'");
    expectNoToken(result);
  });

  it("a --base-url that is not a URL is quoted without its password", async () => {
    for (const baseUrl of ["https://me:pa55word@api .example", "https://me:pa55word@api.example"]) {
      const result = await runCliAt(baseUrl, ["endpoints", "list"]);
      expect(result.code).toBe(2);
      expect(result.stderr).toMatch(/base-?url/i);
      expect(result.stderr).not.toContain("pa55word");
      expectNoToken(result);
    }
  });
});

// Not concurrent: the fault servers of `serve` are stopped after each test.
describe("failures exit 1 and name the error", () => {
  it("an unreachable server", async () => {
    const port = await closedPort();
    const result = await runCliAt(`http://127.0.0.1:${port}`, ["--max-retries", "0", "chat", "hi"]);
    expect(result.code).toBe(1);
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/^error: APIConnectionError: .*127\.0\.0\.1/);
    expectNoToken(result);
  });

  it("an API error names its class and status, without the token the server echoed", async () => {
    const server = await serve((req, res) => {
      res.writeHead(401, { "content-type": "application/json", "x-request-id": "req-42" });
      res.end(JSON.stringify({ detail: `Invalid token ${req.headers.authorization}` }));
    });
    const result = await runCliAt(server.url, ["endpoints", "status", "e-1"]);
    expect(result.code).toBe(1);
    expect(result.stderr).toMatch(
      /^error: AuthenticationError 401: GET \/dedicated\/beta\/endpoint\/e-1\/status answered 401: .*\(request id req-42\)\n$/,
    );
    expectNoToken(result);
    // FRIENDLI_TOKEN is the default token.
    const fromEnv = await runCli(["--base-url", server.url, "endpoints", "status", "e-1"], {
      env: { FRIENDLI_TOKEN: TOKEN },
    });
    expect(fromEnv.code).toBe(1);
    expect(server.requests.map((r) => r.headers.authorization)).toEqual([`Bearer ${TOKEN}`, `Bearer ${TOKEN}`]);
    expectNoToken(fromEnv);
  });
});

describe("a token given as --token=<value>", () => {
  it("is kept from what the CLI prints, as --token <value> is: here the end of it, echoed by a server", async () => {
    const token = "flp_4d8a0c2e6b1f9d3a7c5e0b2d4f6a8c1e3b5d7f9";
    // The server quotes the token cut from the front: only the CLI's own redaction knows its end.
    const server = await serve((req, res) => {
      res.writeHead(401, { "content-type": "application/json" });
      res.end(JSON.stringify({ detail: `bad key ...${String(req.headers.authorization).slice(-24)}` }));
    });
    for (const tokenArgs of [[`--token=${token}`], ["--token", token]]) {
      const result = await runCli(["--base-url", server.url, ...tokenArgs, "endpoints", "status", "e-1"]);
      expect(result.code).toBe(1);
      expect(result.stderr).toMatch(/AuthenticationError 401/);
      expect(result.stderr, tokenArgs[0]).not.toContain(token.slice(-8));
    }
  });
});

describe("a team id that cannot be sent as a header", () => {
  it.each([
    ["--team", ["--team", "팀"], {}],
    ["FRIENDLI_TEAM", [], { FRIENDLI_TEAM: "팀" }],
  ])("from %s exits 2, with nothing sent", async (flag, args, env) => {
    const server = await serve((_req, res) => void res.end("{}"));
    const result = await runCliAt(server.url, [...args, "endpoints", "list"], { env });
    expect(result.code).toBe(2);
    expect(result.stderr).toBe(`error: ${flag} "팀" cannot be sent as the X-Friendli-Team header\n`);
    expect(server.requests).toEqual([]);
  });
});

describe("requests as sent", () => {
  it("chat sends the model, the system message and the piped prompt; reasoning goes to stderr", async () => {
    const reasoning = `data: ${JSON.stringify({
      id: "c-1",
      object: "chat.completion.chunk",
      created: 1,
      model: "m",
      choices: [{ index: 0, delta: { reasoning_content: "thinking..." }, finish_reason: null }],
    })}\n\n`;
    const server = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.end(`${reasoning}${chunk("Hel")}${chunk("lo")}data: [DONE]\n\n`);
    });
    const result = await runCli(
      ["--base-url", server.url, "--token", TOKEN, "chat", "--model", "my-model", "--system", "Be brief."],
      { input: "What is up?\n", env: { FRIENDLI_MODEL: "not-this-one" } },
    );
    expect(result).toMatchObject({ code: 0, stdout: "Hello\n", stderr: "thinking...\n" });
    const body = JSON.parse(server.requests[0]!.body);
    expect(body).toMatchObject({
      model: "my-model",
      stream: true,
      messages: [
        { role: "system", content: "Be brief." },
        { role: "user", content: "What is up?\n" },
      ],
    });
  });

  it("endpoints wait shows each status change and prints the one it waited for", async () => {
    const statuses = ["INITIALIZING", "INITIALIZING", "AWAKING", "RUNNING"];
    const server = await serve((_req, res, { attempt }) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({ status: statuses[Math.min(attempt, statuses.length) - 1], createdAt: "2026-01-01T00:00:00Z" }),
      );
    });
    const result = await runCliAt(server.url, ["endpoints", "wait", "e-1", "--interval", "0.05"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe("RUNNING\n");
    // Not a terminal: one plain line per change.
    expect(result.stderr).toBe(
      [
        "e-1: INITIALIZING, waiting for RUNNING",
        "e-1: AWAKING, waiting for RUNNING",
        "e-1: RUNNING, waiting for RUNNING",
        "",
      ].join("\n"),
    );
  });

  it("cost sums the line items of every page", async () => {
    const pages = [
      {
        has_more: true,
        next_page: "p2",
        data: [
          {
            start_time: "2026-01-01T00:00:00Z",
            end_time: "2026-01-02T00:00:00Z",
            results: [{ total: "1.5", quantity: "3", unit_price: "0.5", line_item: "ep-1, H100, gpu time cost" }],
          },
        ],
      },
      {
        has_more: false,
        data: [
          {
            start_time: "2026-01-02T00:00:00Z",
            end_time: "2026-01-03T00:00:00Z",
            results: [{ total: "2.25", quantity: "4.5", unit_price: "0.5", line_item: "ep-1, H100, gpu time cost" }],
          },
        ],
      },
    ];
    const server = await serve((req, res) => {
      const page = new URL(req.url ?? "/", "http://x").searchParams.get("page");
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(page === "p2" ? pages[1] : pages[0]));
    });
    const result = await runCliAt(server.url, ["cost", "--from", "2026-01-01", "--to", "2026-01-03", "--by-item"]);
    expect(result.code).toBe(0);
    expect(result.stdout).toBe(
      [
        "DATE        LINE ITEM                  QUANTITY  UNIT PRICE  TOTAL",
        "2026-01-01  ep-1, H100, gpu time cost      3.00        0.50   1.50",
        "2026-01-02  ep-1, H100, gpu time cost      4.50        0.50   2.25",
        "total                                                         3.75",
        "",
      ].join("\n"),
    );
    const query = new URL(server.requests[0]!.path, "http://x").searchParams;
    expect(Object.fromEntries(query)).toMatchObject({
      start_time: "2026-01-01T00:00:00Z",
      end_time: "2026-01-03T00:00:00Z",
      group_by: "line_item",
    });
  });

  it("a reader that stops reading (| head) ends the command quietly", async () => {
    const server = await serve((_req, res) => {
      res.writeHead(200, { "content-type": "text/event-stream" });
      const timer = setInterval(() => res.write(chunk("more ")), 20);
      res.once("close", () => clearInterval(timer));
    });
    const run = startCli(["--base-url", server.url, "--token", TOKEN, "--json", "chat", "hi"]);
    run.child.stdout?.once("data", () => run.child.stdout?.destroy());
    const result = await run.done;
    expect(result.stderr).toBe("");
    expect(result.code).toBe(0);
  });

  it("Ctrl-C cancels a streaming chat: exit 130 and the connection closed", async () => {
    let sawRequest!: () => void;
    const requested = new Promise<void>((resolve) => (sawRequest = resolve));
    let socketClosed!: () => void;
    const closed = new Promise<void>((resolve) => (socketClosed = resolve));
    const server = await serve((req, res) => {
      req.socket.once("close", () => socketClosed());
      res.writeHead(200, { "content-type": "text/event-stream" });
      res.write(chunk("Once upon"));
      sawRequest();
      // Streams slowly, and never ends on its own.
      const timer = setInterval(() => res.write(chunk(" a time")), 200);
      res.once("close", () => clearInterval(timer));
    });
    const run = startCli(["--base-url", server.url, "--token", TOKEN, "chat", "tell me a story"]);
    // Fails fast (instead of timing out) if the command ends before the request arrives.
    await Promise.race([
      requested,
      run.done.then((r) => {
        throw new Error(`friendli exited before the request: ${r.code}\n${r.stderr}`);
      }),
    ]);
    // Let the first chunk reach the terminal, then press Ctrl-C.
    await new Promise((r) => setTimeout(r, 300));
    run.child.kill("SIGINT");
    const result = await run.done;
    await closed;
    expect(result.code).toBe(130);
    expect(result.stdout).toMatch(/^Once upon( a time)*\n$/);
    expect(result.stderr).toBe("interrupted\n");
  });
});
