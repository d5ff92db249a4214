import { describe, expect, it } from "vitest";
import { readCreatedEndpointId } from "./read-created-endpoint-id.ts";

describe("readCreatedEndpointId", () => {
  it("reads an id field, else a Location header, else null", () => {
    expect(readCreatedEndpointId({ status: "INITIALIZING", endpointId: "ep-1" }, new Headers())).toBe("ep-1");
    expect(readCreatedEndpointId({ id: "ep-2" }, new Headers())).toBe("ep-2");
    const located = new Headers({ location: "/dedicated/beta/endpoint/ep%203/" });
    expect(readCreatedEndpointId({ status: "INITIALIZING" }, located)).toBe("ep 3");
    expect(readCreatedEndpointId({ status: "INITIALIZING", id: "" }, new Headers())).toBeNull();
  });
});
