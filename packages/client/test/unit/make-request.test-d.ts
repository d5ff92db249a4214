import { describe, expectTypeOf, it } from "vitest";
import { callCoreFromOptions } from "../../src/client/call-core.ts";
import { makeRequest } from "../../src/client/make-request.ts";
import { openStream } from "../../src/client/open-stream.ts";
import {
  dedicatedGetEndpoint,
  getCost,
  serverlessChatComplete,
  serverlessChatStream,
} from "../../src/generated/routes.ts";
import type { components } from "../../src/generated/schema.ts";
import type { Stream } from "../../src/sse/stream.ts";

const core = callCoreFromOptions({ token: "t" });

describe("makeRequest over a generated route", () => {
  it("resolves to the route's own result; a stream route to its stream", () => {
    const body = { model: "m", messages: [] };
    expectTypeOf(makeRequest(core, { route: serverlessChatComplete, body }))
      .resolves.toHaveProperty("data")
      .toEqualTypeOf<components["schemas"]["ChatResult"]>();
    expectTypeOf(makeRequest(core, { route: serverlessChatStream, body, openStream })).resolves.toExtend<
      Stream<unknown>
    >();
    // @ts-expect-error a stream call brings what opens its events: the routes are data only
    makeRequest(core, { route: serverlessChatStream, body });
  });

  it("takes the parameters the spec gives the route, and no others", () => {
    makeRequest(core, { route: dedicatedGetEndpoint, params: { path: { endpoint_id: "e" } } });
    // @ts-expect-error the path parameter is named endpoint_id
    makeRequest(core, { route: dedicatedGetEndpoint, params: { path: { endpointId: "e" } } });
    // @ts-expect-error the cost query has no such field
    makeRequest(core, { route: getCost, params: { query: { start_time: "", end_time: "", since: 1 } } });
  });

  it("a URL call resolves to the Response, unread", () => {
    expectTypeOf(makeRequest(core, { url: "https://x.test", method: "GET" })).resolves.toEqualTypeOf<Response>();
  });
});
