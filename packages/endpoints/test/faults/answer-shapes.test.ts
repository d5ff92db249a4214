import { InvalidResponseError } from "@friendli-ts/client";
import type { FaultServer } from "@friendli-ts/test-kit";
import { afterEach, describe, expect, it } from "vitest";
import type { FriendliEndpoints } from "../../src/index.ts";
import { localEndpoints } from "../support/local-endpoints.ts";

const servers: FaultServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});

async function against(answer: unknown) {
  const local = await localEndpoints((_req, res) => {
    res.writeHead(200, { "content-type": "application/json" });
    res.end(JSON.stringify(answer));
  });
  servers.push(local.server);
  return local.endpoints;
}

const wait = { timeoutMs: 5_000, intervalMs: 1 };
const createBody = {
  projectId: "p",
  name: "n",
  instanceOptionId: "i",
  hfModelRepo: "org/model",
  advanced: { tokenizer_add_special_tokens: true, tokenizer_skip_special_tokens: true },
};
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
