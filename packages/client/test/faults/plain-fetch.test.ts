import { serveFaults } from "@friendli-ts/test-kit";
import { describe, expect, it } from "vitest";
import { makeRequest, type UrlCall } from "../../src/client/make-request.ts";
import type { CallOptions } from "../../src/index.ts";
import { APITimeoutError, BadRequestError } from "../../src/index.ts";
import { coreOf } from "../../src/internal.ts";

/** A storage or media request (`plain`) through a client's door. */
function plainFetch(client: object, url: string, request: Partial<UrlCall> & CallOptions = {}) {
  const { method = "GET", body, retrySafe, maxBytes, ...options } = request;
  const call: UrlCall = { url, method, body, plain: true };
  if (retrySafe !== undefined) call.retrySafe = retrySafe;
  if (maxBytes !== undefined) call.maxBytes = maxBytes;
  return makeRequest(coreOf(client), call, options);
}

import { faultClient } from "../support/fault-client.ts";

const serve = serveFaults();

describe("the plain fetch for storage and media", () => {
  it("sends nothing of the API's: no token, no team, no default or call headers, no onResponse", async () => {
    const storage = await serve((_req, res) => void res.writeHead(204).end());
    const client = faultClient("http://127.0.0.1:9", { teamId: "team-1", defaultHeaders: { "x-api-only": "1" } });
    const seen: Response[] = [];
    await plainFetch(client, `${storage.url}/bucket`, {
      method: "POST",
      body: "bytes",
      retrySafe: true,
      teamId: "team-call",
      headers: { authorization: "Bearer call-only", "x-trace": "t-1" },
      onResponse: (response) => seen.push(response),
    });
    const headers = storage.requests[0]?.headers ?? {};
    expect(headers.authorization).toBeUndefined();
    expect(headers["x-friendli-team"]).toBeUndefined();
    expect(headers["x-api-only"]).toBeUndefined();
    expect(headers["x-trace"]).toBeUndefined();
    expect(seen).toHaveLength(0);
    expect(storage.requests[0]?.body).toBe("bytes");
  });

  it("uses the client's retries, backoff, timeout and error classes", async () => {
    const flaky = await serve((_req, res, { attempt }) => void res.writeHead(attempt < 3 ? 503 : 200).end("ok"));
    const client = faultClient("http://127.0.0.1:9", { maxRetries: 2 });
    const response = await plainFetch(client, `${flaky.url}/object`, { method: "POST", body: "x", retrySafe: true });
    expect(await response.text()).toBe("ok");
    expect(flaky.requests).toHaveLength(3);

    const refusing = await serve(
      (_req, res) => void res.writeHead(400, { "content-type": "application/xml" }).end("<Code>Bad</Code>"),
    );
    await expect(plainFetch(client, `${refusing.url}/object`)).rejects.toBeInstanceOf(BadRequestError);
    expect(refusing.requests).toHaveLength(1);

    const silent = await serve(() => new Promise(() => {}));
    await expect(plainFetch(client, `${silent.url}/object`, { timeout: 50, maxRetries: 0 })).rejects.toBeInstanceOf(
      APITimeoutError,
    );
  });
});
