import { FriendliError } from "@friendli-ts/client";
import { badText, type FuzzServer, fuzzAnswer, fuzzParameters, startFuzzServer } from "@friendli-ts/test-kit";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFriendliEndpoints, type FriendliEndpoints } from "../../src/index.ts";
import { createBody } from "../support/serve-endpoints.ts";

// Whatever the server answers, the endpoints helpers resolve or reject with a FriendliError.

let server: FuzzServer;
let endpoints: FriendliEndpoints;
beforeAll(async () => {
  server = await startFuzzServer();
  endpoints = createFriendliEndpoints(server.clientOptions);
});
afterAll(() => server.stop());

const status = { status: "RUNNING", phase: null, createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:00:00Z" };
const page = { data: { "ep-1": status }, nextCursor: null };
// A wait that never sees its target ends at its own short deadline, with a typed error.
const wait = { timeoutMs: 200, intervalMs: 1 };

const calls: [string, (e: FriendliEndpoints, id: string) => Promise<unknown>][] = [
  ["get", (e, id) => e.get(id)],
  ["status", (e, id) => e.status(id)],
  ["list", (e) => e.list()],
  [
    "first listAll page",
    async (e) => {
      for await (const _ of e.listAll()) break;
    },
  ],
  ["waitFor", (e, id) => e.waitFor(id, "RUNNING", wait)],
  ["wakeAndWait", (e, id) => e.wakeAndWait(id, wait)],
  ["createAndWait", (e) => e.createAndWait(createBody, wait)],
];

describe("endpoints helpers, against answers and ids of any shape", () => {
  it("reject only with FriendliError", async () => {
    const answers = fuzzAnswer({ json: { ...status, ...page, endpointId: "ep-1" } });
    const ids = fc.oneof({ weight: 4, arbitrary: fc.constant("ep-1") }, { weight: 1, arbitrary: badText });
    await fc.assert(
      fc.asyncProperty(answers, ids, fc.constantFrom(...calls), async (answer, id, [, call]) => {
        server.answerWith(answer);
        const error = await call(endpoints, id).then(
          () => undefined,
          (e: unknown) => e,
        );
        if (error !== undefined) expect(error).toBeInstanceOf(FriendliError);
      }),
      fuzzParameters,
    );
  });
});
