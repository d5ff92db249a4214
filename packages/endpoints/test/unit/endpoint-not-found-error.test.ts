import { NotFoundError } from "@friendli-ts/client";
import { describe, expect, it } from "vitest";
import { EndpointNotFoundError, namingEndpointOn404 } from "../../src/endpoint-not-found-error.ts";

const notFound = new NotFoundError({
  status: 404,
  headers: new Headers({ "x-request-id": "req-1" }),
  body: { detail: "Not Found" },
  method: "GET",
  url: "https://api.friendli.ai/dedicated/beta/endpoint/ep-9/status",
});

describe("namingEndpointOn404", () => {
  it("names the endpoint and keeps what the API error carried", async () => {
    const error = await namingEndpointOn404("ep-9", () => Promise.reject(notFound)).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(EndpointNotFoundError);
    expect(error).toBeInstanceOf(NotFoundError);
    expect(error).toMatchObject({
      endpointId: "ep-9",
      status: 404,
      requestId: "req-1",
      method: "GET",
      cause: notFound,
    });
    expect((error as Error).message).toMatch(/^endpoint "ep-9" was not found .*answered 404: Not Found$/);
  });

  it("passes other errors and results through untouched", async () => {
    const other = new Error("boom");
    await expect(namingEndpointOn404("ep-9", () => Promise.reject(other))).rejects.toBe(other);
    await expect(namingEndpointOn404("ep-9", async () => 42)).resolves.toBe(42);
  });
});
