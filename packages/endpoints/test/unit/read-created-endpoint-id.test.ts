import { describe, expect, it } from "vitest";
import { readCreatedEndpointId } from "../../src/read-created-endpoint-id.ts";

describe("readCreatedEndpointId", () => {
  it("reads an id field, else a Location header, else null", () => {
    const id = (body: unknown, headers = new Headers()) => readCreatedEndpointId(body, headers).endpointId;
    expect(id({ status: "INITIALIZING", endpointId: "ep-1" })).toBe("ep-1");
    expect(id({ id: "ep-2" })).toBe("ep-2");
    expect(id({ status: "INITIALIZING" }, new Headers({ location: "/dedicated/beta/endpoint/ep%203/" }))).toBe("ep 3");
    expect(readCreatedEndpointId({ status: "INITIALIZING", id: "" }, new Headers())).toEqual({
      endpointId: null,
      problem: null,
    });
  });
});
