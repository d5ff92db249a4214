import { InvalidResponseError } from "@friendli-ts/client";
import { serveFaults } from "@friendli-ts/test-kit";
import { describe, expect, it } from "vitest";
import { createFriendliDatasets } from "../../src/index.ts";

const serve = serveFaults();

describe("datasets read answers of the wrong shape as InvalidResponseError", () => {
  it.each([
    ["null", null],
    ["a list", []],
    ["data as an object", { data: { 0: {} } }],
    ["no data", { nextCursor: null }],
  ])("a list page that is %s", async (_what, answer) => {
    const server = await serve(
      (_req, res) => void res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer)),
    );
    const { datasets } = createFriendliDatasets({ baseURL: server.url, token: "t", maxRetries: 0 });
    await expect(datasets.list({ projectId: "p" })).rejects.toBeInstanceOf(InvalidResponseError);
    await expect(datasets.listAll({ projectId: "p" }).toArray()).rejects.toBeInstanceOf(InvalidResponseError);
  });
});
