import * as client from "@friendli-ts/client";
import { describe, expect, it } from "vitest";
import * as endpoints from "../../src/index.ts";

describe("the package index", () => {
  it("re-exports the client's error classes, the same classes", () => {
    expect(endpoints.RateLimitError).toBe(client.RateLimitError);
    expect(endpoints.NotFoundError).toBe(client.NotFoundError);
    expect(endpoints.InvalidInputError).toBe(client.InvalidInputError);
    expect(endpoints.APIUserAbortError).toBe(client.APIUserAbortError);
    expect(endpoints.FriendliError).toBe(client.FriendliError);
    expect(new endpoints.EndpointNotFoundError("ep", new client.NotFoundError(notFound))).toBeInstanceOf(
      endpoints.NotFoundError,
    );
  });

  it("re-exports PagedItems, the class every listAll returns", () => {
    expect(endpoints.PagedItems).toBe(client.PagedItems);
    const built = endpoints.createFriendliEndpoints({ token: "t", baseURL: "http://127.0.0.1:9" });
    expect(built.listAll()).toBeInstanceOf(endpoints.PagedItems);
    expect(built.cost.listAll({ start_time: "2026-01-01", end_time: "2026-01-02" })).toBeInstanceOf(
      endpoints.PagedItems,
    );
  });
});

const notFound = {
  status: 404,
  headers: new Headers(),
  body: null,
  method: "GET",
  url: "http://127.0.0.1:9/dedicated/beta/endpoint/ep/status",
};
