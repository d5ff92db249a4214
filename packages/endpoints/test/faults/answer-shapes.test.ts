import { InvalidResponseError } from "@friendli-ts/client";
import { expectWrongShape } from "@friendli-ts/test-kit";
import { describe, expect, it } from "vitest";
import type { FriendliEndpoints } from "../../src/index.ts";
import { createBody, serveEndpoints } from "../support/serve-endpoints.ts";

const serve = serveEndpoints();

async function against(answer: unknown) {
  const local = await serve((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(answer));
  });
  return local.endpoints;
}

const wait = { timeoutMs: 5_000, intervalMs: 1 };
const statusCalls: [string, (e: FriendliEndpoints) => Promise<unknown>][] = [
  ["waitFor", (e) => e.waitFor("ep-1", "RUNNING", wait)],
  ["wakeAndWait", (e) => e.wakeAndWait("ep-1", wait)],
  ["createAndWait", (e) => e.createAndWait(createBody, wait)],
  ["status", (e) => e.status("ep-1")],
];

describe("endpoints helpers read answers of the wrong shape as InvalidResponseError", () => {
  it.each([
    ["null", null],
    ["a list", []],
    ["a number", 5],
    ["a status that is not text", { status: 7 }],
    ["no status", { phase: null }],
  ])("a status answer that is %s", async (_what, answer) => {
    const endpoints = await against(answer);
    for (const [name, call] of statusCalls) {
      const error = await call(endpoints).catch((e: unknown) => e);
      expect(error, name).toBeInstanceOf(InvalidResponseError);
    }
  });

  it.each([
    ["null", null],
    ["data as text", { data: "ep-1" }],
    ["an entry that is null", { data: { "ep-1": null } }],
  ])("a list page that is %s", async (_what, answer) => {
    const endpoints = await against(answer);
    await expect(endpoints.list()).rejects.toBeInstanceOf(InvalidResponseError);
    await expect(endpoints.listAll().toArray()).rejects.toBeInstanceOf(InvalidResponseError);
  });
});

describe("cost and usage walks check each page before walking it", () => {
  const range = { start_time: "2026-01-01", end_time: "2026-01-02" };
  const token = "test-token";
  it.each([
    ["null", null],
    ["data null", { has_more: false, data: null }],
    ["data as text (walked one character at a time before)", { has_more: false, data: "abc" }],
    ["data as an object", { has_more: false, data: {} }],
    ["no data", { has_more: false }],
    ["a bucket that is text", { has_more: false, data: ["abc"] }],
    ["a bucket whose results are a number", { has_more: false, data: [{ start_time: "x", results: 5 }] }],
  ])("a page that is %s: InvalidResponseError, redacted", async (_what, answer) => {
    // The answer echoes the request's Authorization: the error quotes the body, redacted.
    const local = await serve((req, res) => {
      const echoed = answer === null ? null : { ...answer, echo: req.headers.authorization };
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify(echoed));
    });
    const { endpoints } = local;
    const calls: [string, () => Promise<unknown>][] = [
      ["cost.get", () => endpoints.cost.get(range)],
      ["cost.listAll", () => endpoints.cost.listAll(range).toArray()],
      ["usage.get", () => endpoints.usage.get(range)],
      ["usage.listAll", () => endpoints.usage.listAll(range).toArray()],
    ];
    await expectWrongShape(calls, InvalidResponseError, token);
  });

  it("a good page still walks: buckets with and without results", async () => {
    const buckets = [
      { start_time: "a", end_time: "b", results: [] },
      { start_time: "b", end_time: "c" },
    ];
    const endpoints = await against({ has_more: false, data: buckets });
    expect(await endpoints.cost.listAll(range).toArray()).toEqual(buckets);
  });
});
