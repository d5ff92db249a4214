import { describe, expectTypeOf, it } from "vitest";
import { createFriendliClient } from "../../src/client/create-friendli-client.ts";
import type { components } from "../../src/generated/schema.ts";
import type { Stream } from "../../src/sse/stream.ts";

const client = createFriendliClient({ token: "t" });

describe("typed low-level calls", () => {
  it("a minimal chat request type-checks and returns the spec's result", () => {
    const call = client.POST("/serverless/v1/chat/completions", {
      body: { model: "m", messages: [{ role: "user", content: "hi" }] },
    });
    expectTypeOf(call).resolves.toHaveProperty("data").toEqualTypeOf<components["schemas"]["ChatResult"]>();
  });

  it("path parameters are required where the spec requires them", () => {
    // @ts-expect-error endpoint_id is missing
    client.GET("/dedicated/beta/endpoint/{endpoint_id}", { params: { path: {} } });
    // @ts-expect-error not a path of the spec
    client.GET("/not/a/path");
  });

  it("stream events are typed from the stream operation", () => {
    const stream = client.stream("/serverless/v1/chat/completions#stream", {
      body: { model: "m", messages: [{ role: "user", content: "hi" }] },
    });
    expectTypeOf(stream).resolves.toEqualTypeOf<
      Stream<components["schemas"]["StreamedChatResult"] & { event?: string; id?: string }>
    >();
    const tools = client.stream("/serverless/tools/v1/chat/completions#stream", {
      body: { model: "m", messages: [{ role: "user", content: "hi" }] },
    });
    // The tool-assisted stream keeps its discriminating event names.
    type ToolEvent = Awaited<typeof tools> extends Stream<infer E> ? E : never;
    expectTypeOf<ToolEvent["event"]>().toEqualTypeOf<"token" | "tool_status">();
  });
});
