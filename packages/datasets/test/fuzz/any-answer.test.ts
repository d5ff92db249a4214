import { FriendliError } from "@friendli-ts/client";
import { badText, type FuzzServer, fuzzAnswer, fuzzParameters, startFuzzServer } from "@friendli-ts/test-kit";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFriendliDatasets, type FriendliDatasets } from "../../src/index.ts";

// Whatever the server answers, listing and reading datasets resolve or reject with a FriendliError.

let server: FuzzServer;
let friendli: FriendliDatasets;
beforeAll(async () => {
  server = await startFuzzServer();
  friendli = createFriendliDatasets(server.clientOptions);
});
afterAll(() => server.stop());

const dataset = { id: "ds-1", name: "cats", modalities: ["TEXT"], createdAt: "2026-01-01T00:00:00Z" };

const calls: [string, (f: FriendliDatasets, id: string) => Promise<unknown>][] = [
  ["list", (f) => f.datasets.list({ projectId: "p" })],
  [
    "first listAll page",
    async (f) => {
      for await (const _ of f.datasets.listAll({ projectId: "p" })) break;
    },
  ],
  ["get", (f, id) => f.datasets.get(id)],
];

describe("datasets, against answers and ids of any shape", () => {
  it("reject only with FriendliError", async () => {
    const answers = fuzzAnswer({ json: { ...dataset, data: [dataset], nextCursor: null } });
    const ids = fc.oneof({ weight: 4, arbitrary: fc.constant("ds-1") }, { weight: 1, arbitrary: badText });
    await fc.assert(
      fc.asyncProperty(answers, ids, fc.constantFrom(...calls), async (answer, id, [, call]) => {
        server.answerWith(answer);
        const error = await call(friendli, id).then(
          () => undefined,
          (e: unknown) => e,
        );
        if (error !== undefined) expect(error).toBeInstanceOf(FriendliError);
      }),
      fuzzParameters,
    );
  });
});
