import type { components } from "@friendli-ts/client";
import { describe, expectTypeOf, it } from "vitest";
import type { MockBody, MockEvent, MockServer } from "../../src/index.ts";

declare const mock: MockServer;
type Schemas = components["schemas"];

describe("@friendli-ts/testing types", () => {
  it("a reply's body is the spec's answer for the operation and status", () => {
    expectTypeOf<MockBody<"serverlessChatComplete">>().toEqualTypeOf<Schemas["ServerlessChatCompleteSuccess"]>();
    expectTypeOf<MockBody<"dedicatedGetEndpointStatus">>().toEqualTypeOf<Schemas["DedicatedEndpointStatus"]>();
    // A status the spec gives no JSON for takes any body.
    expectTypeOf<MockBody<"serverlessChatComplete", 429>>().toBeUnknown();
  });

  it("respond takes the operation's answer and refuses what the spec does not allow", () => {
    mock.respond("dedicatedGetEndpointStatus", { body: { status: "RUNNING", createdAt: "2026-01-01T00:00:00Z" } });
    // @ts-expect-error: not a status the spec knows for an endpoint
    mock.respond("dedicatedGetEndpointStatus", { body: { status: "WARMING", createdAt: "2026-01-01T00:00:00Z" } });
    // @ts-expect-error: no operation of the spec has this id
    mock.respond("noSuchOperation", { body: {} });
    // @ts-expect-error: `choices` is a list
    mock.respond("serverlessChatComplete", { body: { choices: "none" } });
    mock.respond("serverlessChatComplete", { status: 429, body: { detail: "slow down" } }, { times: "always" });
    // @ts-expect-error: times is a count or "always"
    mock.respond("serverlessChatComplete", { status: 429, body: {} }, { times: "twice" });
  });

  it("a stream reply's events are the operation's events, or [DONE]", () => {
    expectTypeOf<MockEvent<"serverlessToolAssistedChatStream">>().toMatchTypeOf<{ event?: string; data: unknown }>();
    mock.respond("serverlessChatStream", { events: [{ data: "[DONE]" }] });
    mock.respond("serverlessToolAssistedChatStream", {
      events: [{ event: "token", data: {} as Schemas["StreamedChatData"] }, { data: "[DONE]" }],
    });
    // @ts-expect-error: an event's data must be the spec's event data
    mock.respond("serverlessChatStream", { events: [{ data: { nonsense: true } }] });
  });

  it("a reply carries time and faults; stream faults need events, and a reset carries nothing else", () => {
    mock.respond("serverlessChatComplete", { status: 429, body: {}, headers: { "retry-after": "1" }, delayMs: 100 });
    mock.respond("serverlessChatComplete", { reset: true });
    mock.respond("serverlessChatStream", {
      events: [{ rawData: "{not json" }, { error: { message: "overloaded" } }, { data: "[DONE]" }],
      eventDelayMs: 10,
      stallAfter: 1,
    });
    // @ts-expect-error: a stall counts events, so it needs a stream reply
    mock.respond("serverlessChatComplete", { body: {} as Schemas["ServerlessChatCompleteSuccess"], stallAfter: 1 });
    // @ts-expect-error: `reset` is `true` or absent
    mock.respond("serverlessChatComplete", { reset: false });
    // @ts-expect-error: a reset sends no body
    mock.respond("serverlessChatComplete", { reset: true, body: {} as Schemas["ServerlessChatCompleteSuccess"] });
    // @ts-expect-error: raw data is text
    mock.respond("serverlessChatStream", { events: [{ rawData: 1 }] });
  });
});
