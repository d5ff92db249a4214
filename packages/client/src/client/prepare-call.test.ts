import { describe, expect, it } from "vitest";
import { InvalidInputError } from "../errors/friendli-error.ts";
import { createFriendliClient } from "./create-friendli-client.ts";
import { prepareCall } from "./prepare-call.ts";

const client = createFriendliClient({ token: "t", baseURL: "http://127.0.0.1:9", timeout: 1_000 });

describe("prepareCall", () => {
  it("keeps the shared client unless the call changes its limits", () => {
    expect(prepareCall(client, { teamId: "team-1" })).toEqual({
      client,
      header: { "X-Friendli-Team": "team-1" },
      signal: undefined,
      headers: undefined,
    });
    const { client: limited } = prepareCall(client, { timeout: 50, maxRetries: 0 });
    expect(limited).not.toBe(client);
    expect(limited.options).toMatchObject({ timeout: 50, maxRetries: 0, baseURL: "http://127.0.0.1:9" });
    expect(client.options.timeout).toBe(1_000);
  });

  it("rejects an empty team before any request", () => {
    expect(() => prepareCall(client, { teamId: " " })).toThrowError(InvalidInputError);
  });
});
