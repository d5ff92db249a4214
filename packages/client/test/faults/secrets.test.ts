import { inspect } from "node:util";
import {
  everythingAnErrorShows,
  type FaultHandler,
  findSecret,
  serveFaults,
  tokenEchoForms,
} from "@friendli-ts/test-kit";
import { describe, expect, it } from "vitest";
import {
  APIConnectionError,
  BadRequestError,
  FriendliError,
  InvalidResponseError,
  type Logger,
  type Middleware,
  MiddlewareError,
  StreamParseError,
} from "../../src/index.ts";
import { chatBody, faultClient, json } from "../support/fault-client.ts";

// Random enough that no eight of its characters in a row appear anywhere by chance.
const TOKEN = "Tk_8FqZ2LmX9pRw7VnK3sYd";
const serve = serveFaults();

interface Reply {
  status: number;
  headers?: Record<string, string>;
  body?: string;
}

/** One server for a whole test, answering whatever `reply` holds at the time. */
async function replyServer() {
  let reply: Reply = { status: 200 };
  const server = await serve((_req, res) => void res.writeHead(reply.status, reply.headers).end(reply.body ?? ""));
  const client = faultClient(server.url, { token: TOKEN, maxRetries: 0 });
  const jsonCall = () =>
    client.GET("/dedicated/beta/endpoint/{endpoint_id}", { params: { path: { endpoint_id: "e" } } });
  const streamCall = async () => {
    for await (const _ of await client.stream("/serverless/v1/chat/completions#stream", { body: chatBody }));
  };
  /** The error `call` fails with once the server answers `next`. */
  return async (next: Reply, call: "json" | "stream"): Promise<unknown> => {
    reply = next;
    const failure = await (call === "json" ? jsonCall() : streamCall()).then(
      () => undefined,
      (error: unknown) => error,
    );
    expect(failure, `${call} call answered ${json(next)}`).toBeInstanceOf(FriendliError);
    return failure;
  };
}

function expectNoToken(error: unknown, where: string) {
  const leak = findSecret(everythingAnErrorShows(error), TOKEN);
  expect(leak, `${where}: the token shows in\n${leak}`).toBeUndefined();
}

/**
 * Offsets that put the token across a cut at `limit` characters, at every split, and at
 * the very start (where JSON.parse quotes the text it could not read).
 */
function offsetsAround(...limits: number[]): number[] {
  const offsets = new Set([0, 1, 2, 3]);
  for (const limit of limits) {
    for (let at = Math.max(0, limit - TOKEN.length - 2); at <= limit + 2; at++) offsets.add(at);
  }
  return [...offsets];
}

/** Server text with the token at `offset`, in one of the forms an echo takes. */
const plant = (offset: number, form: (token: string) => string = (token) => token) =>
  `${"x".repeat(offset)}${form(TOKEN)} and some text after it`;

// The token as servers and proxies echo it, verbatim aside (the tests above).
const echoForms = tokenEchoForms.filter(([name]) => name !== "verbatim");

const sseReply = (body: string): Reply => ({ status: 200, headers: { "content-type": "text/event-stream" }, body });
const jsonReply = (status: number, value: unknown): Reply => ({
  status,
  headers: { "content-type": "application/json" },
  body: json(value),
});

// Each place a server can put text, the call that reads it, and the cuts made in it:
// an error's message (500), `bodyStart` and `StreamParseError.data` (200), quotes in
// messages of success bodies and events (80).
const textPlaces: [string, "json" | "stream", (text: string) => Reply, number[]][] = [
  ["an error body's message", "json", (t) => jsonReply(401, { message: t }), [500]],
  ["an error body's error.message", "json", (t) => jsonReply(403, { error: { message: t } }), [500]],
  ["an error body's error string", "json", (t) => jsonReply(404, { error: t }), [500]],
  ["an error body's detail", "json", (t) => jsonReply(400, { detail: t }), [500]],
  ["an error body's title", "json", (t) => jsonReply(409, { title: t }), [500]],
  ["validation issues", "json", (t) => jsonReply(422, { detail: [{ loc: ["body", t], msg: t, type: "t" }] }), [500]],
  [
    "an error body in plain text",
    "json",
    (t) => ({ status: 401, headers: { "content-type": "text/plain" }, body: t }),
    [500],
  ],
  [
    "a success body that is not JSON",
    "json",
    (t) => ({ status: 200, headers: { "content-type": "application/json" }, body: t }),
    [80, 200],
  ],
  ["event data that is not JSON", "stream", (t) => sseReply(`data: ${t}\n\n`), [80, 200]],
  ["event data that is not an object", "stream", (t) => sseReply(`data: ${json(t)}\n\n`), [80, 200]],
  ["an error event", "stream", (t) => sseReply(`event: error\ndata: ${json({ message: t })}\n\n`), [500]],
  ["an error chunk", "stream", (t) => sseReply(`data: ${json({ error: { message: t } })}\n\n`), [500]],
];

// Each answer that fails, to carry the headers below.
const failingAnswers: [string, "json" | "stream", Reply][] = [
  ["a 401", "json", jsonReply(401, { message: "no" })],
  ["a 500 in plain text", "json", { status: 500, headers: { "content-type": "text/plain" }, body: "down" }],
  ["a 200 that is not JSON", "json", { status: 200, headers: { "content-type": "application/json" }, body: "<html>" }],
  ["an empty 200", "json", { status: 200, headers: { "content-type": "application/json" } }],
  ["a refused redirect", "json", { status: 302, headers: { location: "http://elsewhere.example/" } }],
  ["an unparsable event", "stream", sseReply("data: {nope\n\n")],
  ["an error event", "stream", sseReply(`event: error\ndata: ${json({ message: "no" })}\n\n`)],
  ["a stream cut inside an event", "stream", sseReply('data: {"id":')],
  ["a stream without its final event", "stream", sseReply("")],
  ["a stream answered as JSON", "stream", jsonReply(200, { id: "x" })],
];

const headerPlaces: [string, Record<string, string>][] = [
  ["x-request-id", { "x-request-id": TOKEN }],
  ["x-friendli-request-id", { "x-friendli-request-id": TOKEN }],
  ["a header value", { "x-echo": `Bearer ${TOKEN}` }],
  ["a header name", { [`x-${TOKEN}`]: "1" }],
  ["a header name, cut", { [TOKEN.slice(0, 12)]: "1" }],
];

describe("the token leaves in no error, wherever a server puts it and wherever it is cut", () => {
  it.each(textPlaces)("%s", async (where, call, replyWith, limits) => {
    const failWith = await replyServer();
    for (const offset of offsetsAround(...limits)) {
      expectNoToken(await failWith(replyWith(plant(offset)), call), `${where}, token at ${offset}`);
    }
  });

  it.each(failingAnswers)("headers of %s", async (answer, call, reply) => {
    const failWith = await replyServer();
    for (const [where, headers] of headerPlaces) {
      const error = await failWith({ ...reply, headers: { ...reply.headers, ...headers } }, call);
      expectNoToken(error, `${answer}, token in ${where}`);
    }
  });

  it.each(textPlaces)("%s, the token escaped, encoded or in another case", async (where, call, replyWith, limits) => {
    const failWith = await replyServer();
    for (const [form, spell] of echoForms) {
      for (const offset of [0, 2, (limits[0] as number) - 12]) {
        expectNoToken(await failWith(replyWith(plant(offset, spell)), call), `${where}, ${form}, token at ${offset}`);
      }
    }
  });

  it.each(echoForms)("headers, the token %s", async (form, spell) => {
    const failWith = await replyServer();
    for (const [answer, call, reply] of failingAnswers) {
      const headers = { "x-request-id": spell(TOKEN), "x-echo": `Bearer ${spell(TOKEN)}` };
      const error = await failWith({ ...reply, headers: { ...reply.headers, ...headers } }, call);
      expectNoToken(error, `${answer}, ${form}`);
    }
  });

  it("a body that breaks just after the token: the parser's quote of its tail", async () => {
    const failWith = await replyServer();
    // V8 quotes about ten characters around the spot it could not read: here the token's last ones.
    const broken = `["${TOKEN}",]`;
    const json = await failWith({ status: 200, headers: { "content-type": "application/json" }, body: broken }, "json");
    expect(json).toBeInstanceOf(InvalidResponseError);
    expect(String((json as Error).cause)).toContain('",]');
    expectNoToken(json, "a JSON answer");
    const stream = await failWith(sseReply(`data: ${broken}\n\n`), "stream");
    expect(stream).toBeInstanceOf(StreamParseError);
    expectNoToken(stream, "an event");
  });

  it("a 400 body nested 3,000 deep, the token at the bottom: a BadRequestError, no RangeError", async () => {
    const failWith = await replyServer();
    const body = `${"[".repeat(3000)}"${TOKEN}"${"]".repeat(3000)}`;
    const error = await failWith({ status: 400, headers: { "content-type": "application/json" }, body }, "json");
    expect(error).toBeInstanceOf(BadRequestError);
    expectNoToken(error, "the body");
  });

  it("requestId keeps the request id, with the token taken out", async () => {
    const failWith = await replyServer();
    const error = await failWith({ ...jsonReply(401, {}), headers: { "x-request-id": `req-1 ${TOKEN}` } }, "json");
    expect((error as { requestId: unknown }).requestId).toBe("req-1 [redacted]");
  });

  it("a redirect to a host named after the token (hosts come back lower-cased)", async () => {
    const failWith = await replyServer();
    const error = await failWith({ status: 307, headers: { location: `http://${TOKEN}.example/x` } }, "json");
    expect(String(error)).toMatch(/redirected to http:\/\/\[redacted\]\.example/);
    expectNoToken(error, "location");
  });
});

describe("a failure from fetch itself: its causes, of any kind", () => {
  const failures: [string, (auth: string) => unknown][] = [
    ["a chain of errors", (auth) => new TypeError("fetch failed", { cause: new Error(`refused ${auth}`) })],
    ["a cause that is a string", (auth) => new TypeError("fetch failed", { cause: `raw ${auth}` })],
    ["a cause that is an object", (auth) => new TypeError("fetch failed", { cause: { code: "E", sent: [auth] } })],
    ["a string thrown as it is", (auth) => `refused ${auth}`],
    ["an object thrown as it is", (auth) => ({ request: { headers: { authorization: auth } } })],
    [
      "an AggregateError",
      (auth) => new AggregateError([new Error(`v4 ${auth}`), `v6 ${auth}`], "connect failed", { cause: auth }),
    ],
    ["a frozen error", (auth) => Object.freeze(new TypeError(`refused ${auth}`))],
    [
      "a frozen error with a frozen cause",
      (auth) => Object.freeze(new TypeError("fetch failed", { cause: Object.freeze(new Error(`refused ${auth}`)) })),
    ],
    ["a frozen object", (auth) => Object.freeze({ headers: Object.freeze({ authorization: auth }) })],
  ];

  it.each(failures)("%s", async (_, failure) => {
    const server = await serve(
      (_req, res) => void res.writeHead(200, { "content-type": "application/json" }).end("{}"),
    );
    // A fetch (a proxy library, say) that reaches the server, then fails quoting what it sent.
    const failingFetch = async (input: string | URL | Request, init?: RequestInit) => {
      const response = await fetch(input, init);
      await response.body?.cancel();
      throw failure(new Headers(init?.headers).get("authorization") ?? "");
    };
    const error = await faultClient(server.url, { token: TOKEN, maxRetries: 0, fetch: failingFetch })
      .GET("/dedicated/beta/endpoint/{endpoint_id}", { params: { path: { endpoint_id: "e" } } })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APIConnectionError);
    expect(server.requests[0]?.headers.authorization).toBe(`Bearer ${TOKEN}`);
    expectNoToken(error, "the cause");
  });
});

describe("what a middleware throws", () => {
  const call = (middleware: Middleware[], url: string) =>
    faultClient(url, { token: TOKEN, maxRetries: 0, middleware })
      .GET("/dedicated/beta/endpoint/{endpoint_id}", { params: { path: { endpoint_id: "e" } } })
      .catch((e: unknown) => e);
  const answer: FaultHandler = (_req, res) => void res.writeHead(200, { "content-type": "application/json" }).end("{}");

  it.each(["onRequest", "onResponse"] as const)(
    "%s: a frozen error quoting the request's Authorization",
    async (hook) => {
      const server = await serve(answer);
      const quoting: Middleware = {
        [hook]({ request }: { request: Request }) {
          throw Object.freeze(new Error(`refused ${request.headers.get("authorization")}`));
        },
      };
      const error = await call([quoting], server.url);
      expect(error).toBeInstanceOf(MiddlewareError);
      expectNoToken(error, hook);
    },
  );

  it("an error carrying the Request it got: its cause shows no Authorization value", async () => {
    const server = await serve(answer);
    const carrying: Middleware = {
      onRequest({ request }) {
        throw Object.assign(new Error("refused"), { request, headers: request.headers });
      },
    };
    const error = await call([carrying], server.url);
    expect(error).toBeInstanceOf(MiddlewareError);
    const cause = (error as MiddlewareError).cause as { request: { headers: Headers; url: string } };
    expect(cause.request.headers.get("authorization")).toBe("Bearer [redacted]");
    expect(cause.request.url).toContain("/dedicated/beta/endpoint/e");
    expect(inspect(error, { depth: 20 })).not.toContain(TOKEN);
    expectNoToken(error, "the cause");
  });

  it("a Response carrying the token in its headers and URL", async () => {
    const server = await serve(answer);
    const carrying: Middleware = {
      onResponse({ response, request }) {
        const echoed = new Response(null, { headers: { "x-echo": request.headers.get("authorization") ?? "" } });
        throw Object.assign(new Error("refused"), { response, echoed, url: new URL(`${server.url}/?t=${TOKEN}`) });
      },
    };
    const error = await call([carrying], server.url);
    expect(error).toBeInstanceOf(MiddlewareError);
    expectNoToken(error, "the cause");
  });
});

describe("log lines", () => {
  it("retry and debug lines carry no token, even one the caller put in a path", async () => {
    const server = await serve((_req, res) => void res.writeHead(503).end());
    const lines: string[] = [];
    const keep = (message: string, ...rest: unknown[]) => void lines.push([message, ...rest].join(" "));
    const logger: Logger = { debug: keep, info: keep, warn: keep, error: keep };
    const error = await faultClient(server.url, { token: TOKEN, maxRetries: 1, logger, logLevel: "debug" })
      .GET("/dedicated/beta/endpoint/{endpoint_id}", { params: { path: { endpoint_id: TOKEN } } })
      .catch((e: unknown) => e);
    expect(server.requests).toHaveLength(2);
    for (const line of ["-> GET", "<- 503", "retry 1 of 1"])
      expect(
        lines.some((l) => l.includes(line)),
        line,
      ).toBe(true);
    expect(findSecret(lines.join("\n"), TOKEN)).toBeUndefined();
    expectNoToken(error, "the error");
  });
});

describe("what middleware logs", () => {
  function recordingLogger() {
    const lines: string[] = [];
    const keep = (message: string, ...rest: unknown[]) =>
      void lines.push([message, ...rest.map((r) => json(r))].join(" "));
    const logger: Logger = { debug: keep, info: keep, warn: keep, error: keep };
    return { lines, logger };
  }

  it("a middleware's lines through the context's logger are redacted", async () => {
    const server = await serve(
      (_req, res) => void res.writeHead(200, { "content-type": "application/json", "x-request-id": TOKEN }).end("{}"),
    );
    const { lines, logger } = recordingLogger();
    const quoting: Middleware = {
      onResponse({ response, logger: log }) {
        log.warn(`answered with request id ${response.headers.get("x-request-id")}`, {
          id: response.headers.get("x-request-id"),
        });
      },
    };
    await faultClient(server.url, { token: TOKEN, middleware: [quoting], logger, logLevel: "warn" }).GET(
      "/dedicated/beta/endpoint/{endpoint_id}",
      { params: { path: { endpoint_id: "e" } } },
    );
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain("[redacted]");
    expect(findSecret(lines.join("\n"), TOKEN)).toBeUndefined();
  });
});

describe("the team header", () => {
  it("goes with calls outside the spec to the API origin, as the token does", async () => {
    const api = await serve((_req, res) => void res.writeHead(200).end("ok"));
    const client = faultClient(api.url, { teamId: "team-7" });
    await client.fetch(`${api.url}/not/in/the/spec`);
    await client.fetch("relative/path", { method: "POST", body: "x" });
    await client.fetch(new Request(`${api.url}/as/a/request`));
    expect(api.requests).toHaveLength(3);
    for (const request of api.requests) {
      expect(request.headers).toMatchObject({ authorization: "Bearer secret-token-123", "x-friendli-team": "team-7" });
    }
  });
});
