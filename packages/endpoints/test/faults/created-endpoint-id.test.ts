import { describe, expect, it } from "vitest";
import { EndpointIdMissingError } from "../../src/index.ts";
import { createBody, sendJson, serveEndpoints, statusBody } from "../support/serve-endpoints.ts";

const serve = serveEndpoints();

/** createAndWait against a server whose create answer has `location` and `body`. */
async function createWith(location: string | undefined, body: Record<string, unknown> = statusBody("INITIALIZING")) {
  const local = await serve((req, res) => {
    if (req.method === "POST") {
      res.writeHead(200, { "content-type": "application/json", ...(location && { location }) });
      return void res.end(JSON.stringify(body));
    }
    sendJson(res, 200, statusBody("RUNNING"));
  });
  const error = await local.endpoints.createAndWait(createBody, { intervalMs: 1 }).catch((e: unknown) => e);
  return { error, requests: local.server.requests };
}

describe("createAndWait with an id it cannot use keeps the create answer", () => {
  it.each([
    ["a broken percent escape", "/dedicated/beta/endpoint/ep%E0%A4%A"],
    ["a lone % sign", "/dedicated/beta/endpoint/100%"],
    ["an escaped slash", "/dedicated/beta/endpoint/a%2Fb"],
    ["a dot-dot segment", "/dedicated/beta/endpoint/.."],
    ["an escaped control character", "/dedicated/beta/endpoint/ep%00"],
    ["an escaped lone surrogate", "/dedicated/beta/endpoint/%ED%A0%80x"],
  ])("a Location with %s is EndpointIdMissingError with the body and the raw header", async (_what, location) => {
    const body = statusBody("INITIALIZING", { name: "n" });
    const { error, requests } = await createWith(location, body);
    expect(error).toBeInstanceOf(EndpointIdMissingError);
    expect((error as EndpointIdMissingError).created).toEqual(body);
    expect((error as EndpointIdMissingError).location).toBe(location);
    expect((error as Error).message).toMatch(/unusable.*Location/);
    // Created once, polled never.
    expect(requests.map((r) => r.method)).toEqual(["POST"]);
  });

  it("an id field that could address another resource is refused the same way", async () => {
    const { error, requests } = await createWith(undefined, statusBody("INITIALIZING", { endpointId: "../x" }));
    expect(error).toBeInstanceOf(EndpointIdMissingError);
    expect((error as Error).message).toMatch(/`endpointId`/);
    expect(requests).toHaveLength(1);
  });

  it("a good Location is followed", async () => {
    const local = await serve((req, res) => {
      if (req.method === "POST") {
        res.writeHead(200, { "content-type": "application/json", location: "/dedicated/beta/endpoint/ep%201?x=1" });
        return void res.end(JSON.stringify(statusBody("INITIALIZING")));
      }
      sendJson(res, 200, statusBody("RUNNING"));
    });
    const result = await local.endpoints.createAndWait(createBody, { intervalMs: 1 });
    expect(result.endpointId).toBe("ep 1");
    expect(local.server.requests[1]?.path).toBe("/dedicated/beta/endpoint/ep%201/status");
  });
});
