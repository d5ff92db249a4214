import { describe, expect, it } from "vitest";
import { isLoopbackHost } from "../../src/mock/is-loopback-host.ts";
import { violationAnswer } from "../../src/mock/violation-body.ts";

describe("isLoopbackHost", () => {
  it("takes the names that can only mean this machine, with or without a port", () => {
    for (const host of [
      "127.0.0.1",
      "127.0.0.1:4010",
      "localhost",
      "LOCALHOST:80",
      "[::1]:4010",
      "app.localhost:3000",
    ]) {
      expect(isLoopbackHost(host), host).toBe(true);
    }
  });

  it("refuses a name that merely ends in localhost or starts with a loopback address", () => {
    for (const host of [
      "evillocalhost",
      "evillocalhost:4010",
      "localhost.evil.example",
      "127.0.0.1.evil.example",
      "notlocalhost:80",
      "attacker.example",
      "",
      undefined,
    ]) {
      expect(isLoopbackHost(host), String(host)).toBe(false);
    }
  });
});

describe("violationAnswer", () => {
  const header = JSON.stringify([
    { location: ["request", "body", "messages"], message: "must be array", code: "type" },
    { location: ["response", "body"], message: "not the request's fault", code: "x" },
  ]);

  it("turns Prism's 400 into the 422 clients read, the violations said in the body, Prism's header kept", () => {
    const answer = violationAnswer(400, header);
    expect(answer?.status).toBe(422);
    expect(answer?.headers).toEqual({ "sl-violations": header });
    expect(answer?.json).toMatchObject({
      error: { code: "request_violates_spec", param: "messages" },
      detail: [{ loc: ["body", "messages"], msg: "must be array", type: "type" }],
    });
  });

  it("keeps any other refusal's status, and lets an answer without request violations through", () => {
    expect(violationAnswer(422, header)?.status).toBe(422);
    expect(violationAnswer(415, header)?.status).toBe(415);
    expect(violationAnswer(200, header)).toBeUndefined();
    expect(violationAnswer(400, undefined)).toBeUndefined();
    expect(violationAnswer(400, JSON.stringify([{ location: ["response"], message: "m" }]))).toBeUndefined();
  });
});
