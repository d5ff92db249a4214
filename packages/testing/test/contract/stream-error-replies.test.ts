import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The built entry, as a user installs it (its specs are the copies shipped in dist/).
import { MockReplyError, type MockServer, startMockServer } from "../../dist/index.js";

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer();
});
afterAll(() => mock?.stop());

describe("check-reply on stream operations", () => {
  it("accepts an error reply with a JSON body (a stream request can fail before its stream), and serves it", async () => {
    const body = { error: { message: "slow down", type: "rate_limit" } };
    expect(() =>
      mock.respond("serverlessChatStream", { status: 429, body, headers: { "retry-after": "0" } }),
    ).not.toThrow();
    const res = await fetch(`${mock.url}/serverless/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: "Bearer t", "content-type": "application/json" },
      body: JSON.stringify({ model: "m", messages: [{ role: "user", content: "Hi" }], stream: true }),
    });
    expect(res.status).toBe(429);
    expect(await res.json()).toEqual(body);
  });

  it("still refuses a success reply with a JSON body: a 200 stream is events", () => {
    expect(() => mock.respond("serverlessChatStream", { status: 200, body: {} } as never)).toThrow(MockReplyError);
  });
});
