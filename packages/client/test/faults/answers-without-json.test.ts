import { serveFaults } from "@friendli-ts/test-kit";
import { describe, expect, it } from "vitest";
import { InvalidResponseError } from "../../src/index.ts";
import { chatBody, faultClient } from "../support/fault-client.ts";

const serve = serveFaults();

// Both operations promise JSON in the spec (`route.jsonResult`).
describe("an answer without the JSON its operation promises is an InvalidResponseError", () => {
  it.each([204, 205])("a %i, which has no body at all", async (status) => {
    const server = await serve((_req, res) => void res.writeHead(status, { "x-request-id": "req-4" }).end());
    const error = await faultClient(server.url)
      .GET("/dedicated/beta/endpoint")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ status, requestId: "req-4" });
    expect((error as Error).message).toMatch(`GET /dedicated/beta/endpoint answered ${status} with an empty body`);
  });

  it("a 200 with text that does not call itself JSON is not handed back as text", async () => {
    const server = await serve((_req, res) => void res.writeHead(200, { "content-type": "text/plain" }).end("hello"));
    const error = await faultClient(server.url)
      .POST("/serverless/v1/chat/completions", { body: chatBody })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InvalidResponseError);
    expect(error).toMatchObject({ status: 200, bodyStart: "hello" });
  });
});
