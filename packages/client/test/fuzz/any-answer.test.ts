import {
  badText,
  badTimeout,
  type FuzzServer,
  fuzzAnswer,
  fuzzParameters,
  recordSentRequests,
  startFuzzServer,
} from "@friendli-ts/test-kit";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  APITimeoutError,
  createFriendliClient,
  type FriendliClient,
  FriendliError,
  InvalidInputError,
} from "../../src/index.ts";

// Whatever the server answers, and whatever the caller passes, a call either resolves or
// rejects with a FriendliError: never a TypeError, a SyntaxError or a URIError.

let server: FuzzServer;
let client: FriendliClient;
beforeAll(async () => {
  server = await startFuzzServer();
  client = createFriendliClient(server.clientOptions);
});
afterAll(() => server.stop());

/** What a call ended with: "ok", or the rejection when it is not a FriendliError. */
async function outcome(call: () => Promise<unknown>): Promise<unknown> {
  try {
    await call();
    return "ok";
  } catch (error) {
    return error instanceof FriendliError ? "ok" : error;
  }
}

const drain = async (items: AsyncIterable<unknown>) => {
  for await (const _ of items);
};

const chunk = {
  id: "c",
  object: "chat.completion.chunk",
  created: 1,
  model: "m",
  choices: [{ index: 0, delta: { role: "assistant", content: "Hi" }, finish_reason: null }],
};
const body = { model: "m", messages: [{ role: "user" as const, content: "Hi" }] };

describe("the client's typed methods, against answers of any shape", () => {
  it("GET, POST and stream reject only with FriendliError", async () => {
    const answers = fuzzAnswer({
      json: { data: [{ id: "m", name: "M" }] },
      sse: { event: chunk, end: "data: [DONE]\n\n" },
    });
    await fc.assert(
      fc.asyncProperty(answers, fc.constantFrom("get", "post", "stream"), async (answer, method) => {
        server.answerWith(answer);
        const result = await outcome(() =>
          method === "get"
            ? client.GET("/dedicated/beta/endpoint/{endpoint_id}", { params: { path: { endpoint_id: "ep-1" } } })
            : method === "post"
              ? client.POST("/serverless/v1/chat/completions", { body })
              : client.stream("/serverless/v1/chat/completions#stream", { body }).then((s) => drain(s)),
        );
        expect(result).toBe("ok");
      }),
      fuzzParameters,
    );
  });
});

describe("the client's typed methods, with inputs of any shape", () => {
  it("path ids, query values, header values, team ids and timeouts: InvalidInputError before any request", async () => {
    server.answerWith({ status: 200, headers: { "content-type": "application/json" }, body: "{}", cutAt: null });
    const { fetch, sent } = recordSentRequests();
    const recording = client.withOptions({ fetch });
    await fc.assert(
      fc.asyncProperty(badText, badText, badText, badTimeout, async (id, header, team, timeout) => {
        sent.length = 0;
        const error = await recording
          .GET("/dedicated/beta/endpoint/{endpoint_id}", {
            params: { path: { endpoint_id: id }, query: { cursor: header } as never },
            headers: { "x-note": header },
            teamId: team,
            timeout: timeout as number,
          })
          .then(
            () => undefined,
            (e: unknown) => e,
          );
        // The answer is fine, so the only failures are the input's, or a timeout of a few ms.
        if (error !== undefined && !(error instanceof APITimeoutError)) {
          expect(error).toBeInstanceOf(InvalidInputError);
          expect(sent).toHaveLength(0);
        }
        sent.length = 0;
        const raw = await recording.fetch(`/v1/${id}`, { headers: [["x-note", header]] as never, teamId: team }).then(
          () => undefined,
          (e: unknown) => e,
        );
        if (raw !== undefined) {
          expect(raw).toBeInstanceOf(InvalidInputError);
          expect(sent).toHaveLength(0);
        }
        const built = await outcome(async () =>
          createFriendliClient({ baseURL: server.url, token: header, teamId: team, defaultHeaders: { "x-app": id } }),
        );
        expect(built).toBe("ok");
      }),
      fuzzParameters,
    );
  });
});
