import fc from "fast-check";
import { type FaultServer, startFaultServer } from "./start-fault-server.ts";

/** One answer the fuzz server gives, whatever the request. */
export interface FuzzAnswer {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** Destroy the connection after this many bytes of the body (a cut), or send it whole. */
  cutAt: number | null;
}

export interface FuzzServer extends FaultServer {
  /** Every request until the next call gets this answer. */
  answerWith(answer: FuzzAnswer): void;
  /** Options for any of the SDK's factories: this server, no retries, no log lines. */
  clientOptions: { baseURL: string; token: string; maxRetries: 0; timeout: number; logLevel: "off" };
}

/** One real server on 127.0.0.1 for a whole fuzz file; stop it in `afterAll`. */
export async function startFuzzServer(): Promise<FuzzServer> {
  let current: FuzzAnswer = { status: 200, headers: {}, body: "", cutAt: null };
  const server = await startFaultServer((_req, res) => {
    const { status, headers, body, cutAt } = current;
    res.writeHead(status, headers);
    if (cutAt === null) return void res.end(body);
    res.write(Buffer.from(body).subarray(0, cutAt), () => res.destroy());
  });
  return {
    ...server,
    clientOptions: { baseURL: server.url, token: "fuzz-token", maxRetries: 0, timeout: 5_000, logLevel: "off" },
    answerWith: (answer) => {
      current = answer;
    },
  };
}

/** Any JSON value, a few levels deep. */
export const anyJson = fc.jsonValue({ maxDepth: 3 });

/** Every path to a value inside `value`, the root included. */
function pathsOf(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  const paths = [at];
  if (typeof value === "object" && value !== null) {
    for (const [key, child] of Object.entries(value)) {
      paths.push(...pathsOf(child, [...at, Array.isArray(value) ? Number(key) : key]));
    }
  }
  return paths;
}

function replaced(value: unknown, path: (string | number)[], by: unknown): unknown {
  if (path.length === 0) return by;
  const [head, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, unknown>;
  copy[head] = replaced(copy[head], rest, by);
  return copy;
}

// What a field is most often wrongly sent as: null, the wrong kind, or nothing.
const wrongValue = fc.oneof(
  fc.constantFrom(null, 0, -1, 1.5, "", "x", true, [], {}, [null], { 0: null }),
  anyJson,
  fc.constant(undefined),
);

/**
 * A well-formed example with one value somewhere inside it (or the whole of it) swapped for
 * a value of the wrong shape: the near misses a broken server sends, which random JSON
 * alone rarely hits.
 */
export function nearMiss(example: unknown): fc.Arbitrary<unknown> {
  const paths = pathsOf(example);
  return fc.oneof(
    { weight: 1, arbitrary: fc.constant(example) },
    {
      weight: 6,
      arbitrary: fc
        .array(fc.tuple(fc.nat({ max: paths.length - 1 }), wrongValue), { minLength: 1, maxLength: 3 })
        .map((swaps) =>
          swaps.reduce<unknown>((value, [i, by]) => replaced(value, paths[i] as (string | number)[], by), example),
        ),
    },
    { weight: 1, arbitrary: anyJson },
  );
}

/** A JSON text, sometimes cut short or not JSON at all. */
function jsonText(value: fc.Arbitrary<unknown>): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 6, arbitrary: value.map((v) => JSON.stringify(v) ?? "") },
    {
      weight: 1,
      arbitrary: fc
        .tuple(value, fc.nat())
        .map(([v, n]) => (JSON.stringify(v) ?? "").slice(0, n % ((JSON.stringify(v) ?? "").length + 1))),
    },
    { weight: 1, arbitrary: fc.constantFrom("", "<html>oops</html>", "null", "[DONE]", "{", "\u0000") },
  );
}

/** An event-stream body of near misses of `example`, ended by `end` or not at all. */
function sseText(example: unknown, end: string): fc.Arbitrary<string> {
  const event = fc
    .tuple(
      fc.option(fc.constantFrom("error", "message_stop", "tool_status", "token"), { nil: undefined }),
      jsonText(nearMiss(example)),
    )
    .map(([name, data]) => `${name ? `event: ${name}\n` : ""}data: ${data.replace(/\n/g, " ")}\n\n`);
  return fc
    .tuple(fc.array(event, { maxLength: 5 }), fc.boolean())
    .map(([events, ended]) => events.join("") + (ended ? end : ""));
}

const STATUSES = [
  200, 200, 200, 200, 201, 202, 203, 204, 205, 206, 299, 304, 400, 401, 403, 404, 409, 422, 429, 500, 503,
];

// Names a server sets that the SDK reads; values it can send (visible ASCII and Latin-1).
const headerValue = fc.string({
  unit: fc.integer({ min: 0x20, max: 0xff }).map((c) => String.fromCharCode(c)),
  maxLength: 30,
});
const headers = fc.record(
  {
    "x-request-id": headerValue,
    "retry-after": fc.oneof(headerValue, fc.constantFrom("0", "1", "2, 2", "2.", "-1")),
    location: fc.oneof(headerValue, fc.constantFrom("/x/%E0%A4%A", "/x/..", "/x/a%2Fb", "http://127.0.0.2/x")),
    "content-encoding": fc.constantFrom("gzip", "identity", "br"),
  },
  { requiredKeys: [] },
);

export interface AnswerShapes {
  /** A well-formed JSON answer of the method under test. */
  json?: unknown;
  /** A well-formed event of its stream, and how the stream ends. */
  sse?: { event: unknown; end: string };
}

/**
 * Random answers around the well-formed ones: statuses, content types, headers, bodies,
 * cuts. Half are a 200 of the right content type whose body is a near miss, since a broken
 * body behind a good status is what reaches the most code.
 */
export function fuzzAnswer(shapes: AnswerShapes): fc.Arbitrary<FuzzAnswer> {
  const good: { contentType: string | undefined; body: fc.Arbitrary<string> }[] = [];
  if (shapes.json !== undefined) {
    good.push({ contentType: "application/json", body: jsonText(nearMiss(shapes.json)) });
  }
  if (shapes.sse) good.push({ contentType: "text/event-stream", body: sseText(shapes.sse.event, shapes.sse.end) });
  const other = [
    ...good,
    { contentType: undefined, body: jsonText(anyJson) },
    { contentType: "text/html", body: fc.string() },
  ];
  const anyAnswer = fc
    .tuple(
      fc.constantFrom(...STATUSES),
      fc.constantFrom(...other),
      headers,
      fc.option(fc.nat({ max: 200 }), { freq: 4 }),
    )
    .chain(([status, { contentType, body }, extra, cutAt]) =>
      body.map((text) => {
        const all: Record<string, string> = { ...extra };
        if (contentType) all["content-type"] = contentType;
        return { status, headers: all, body: text, cutAt: cutAt ?? null };
      }),
    );
  const nearMissAnswer = fc
    .constantFrom(...good)
    .chain(({ contentType, body }) =>
      body.map((text) => ({ status: 200, headers: { "content-type": contentType ?? "" }, body: text, cutAt: null })),
    );
  return good.length ? fc.oneof(nearMissAnswer, anyAnswer) : anyAnswer;
}

/** Values a caller might pass that no request can carry, or that are simply wrong. */
export const badText = fc.oneof(
  fc.string({ unit: "binary", maxLength: 8 }),
  fc.constantFrom("\uD800", "a\uDFFFb", "팀", "a\r\nb", "a\u0000b", "..", "a/b", "", " ", "\u007f"),
);
export const badTimeout = fc.oneof(
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom(Number.NaN, Number.POSITIVE_INFINITY, -0.5, 1.5, 2 ** 31, "10", null),
);

/** Runs per property, overridable with FUZZ_RUNS; the seed with FUZZ_SEED (fast-check prints it on a failure). */
export const fuzzParameters: fc.Parameters<unknown> = {
  numRuns: Number(process.env.FUZZ_RUNS ?? 200),
  seed: Number(process.env.FUZZ_SEED ?? 20261202),
  endOnFailure: true,
};
