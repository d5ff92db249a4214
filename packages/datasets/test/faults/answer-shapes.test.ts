import { InvalidResponseError } from "@friendli-ts/client";
import { expectWrongShape, serveFaults } from "@friendli-ts/test-kit";
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

describe("splits and samples walks check each page before walking it", () => {
  const token = "test-token-of-the-walks";
  it.each([
    ["null", null],
    ["data null", { data: null }],
    ["data as text (walked one character at a time before)", { data: "abc" }],
    ["data as an object", { data: {} }],
    ["no data", { nextCursor: null }],
    ["an entry that is text", { data: ["abc"] }],
  ])("a page that is %s: InvalidResponseError, redacted", async (_what, answer) => {
    // The answer echoes the request's Authorization: the error quotes the body, redacted.
    const server = await serve((req, res) => {
      const echoed = answer === null ? null : { ...answer, echo: req.headers.authorization };
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(echoed));
    });
    const { splits, samples } = createFriendliDatasets({ baseURL: server.url, token, maxRetries: 0 });
    const calls: [string, () => Promise<unknown>][] = [
      ["splits.list", () => splits.list("ds-1")],
      ["splits.listAll", () => splits.listAll("ds-1").toArray()],
      ["samples.list", () => samples.list("ds-1", "sp-1")],
      ["samples.listAll", () => samples.listAll("ds-1", "sp-1").toArray()],
    ];
    await expectWrongShape(calls, InvalidResponseError, token);
  });

  it("a sample that is not a pair is refused; good pages still walk", async () => {
    const bad = await serve(
      (_req, res) =>
        void res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ data: [["s-1", "{}"], null] })),
    );
    const client = createFriendliDatasets({ baseURL: bad.url, token, maxRetries: 0 });
    await expect(client.samples.list("ds-1", "sp-1")).rejects.toBeInstanceOf(InvalidResponseError);
    const good = await serve((req, res) => {
      const data = req.url?.includes("/sample") ? [["s-1", '{"a":1}']] : [{ id: "sp-1", name: "train" }];
      res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify({ data, nextCursor: null }));
    });
    const ok = createFriendliDatasets({ baseURL: good.url, token, maxRetries: 0 });
    expect(await ok.samples.listAll("ds-1", "sp-1").toArray()).toEqual([["s-1", '{"a":1}']]);
    expect(await ok.splits.listAll("ds-1").toArray()).toEqual([{ id: "sp-1", name: "train" }]);
  });
});
