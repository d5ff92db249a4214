import { describe, expect, it } from "vitest";
import { serverlessAudioTranscriptions, serverlessChatComplete } from "../generated/routes.ts";
import { callCoreFromOptions } from "./call-core.ts";
import { callRoute } from "./call-operation.ts";

describe("callRoute", () => {
  const fetched: string[] = [];
  const core = callCoreFromOptions({
    token: "test-token",
    baseURL: "http://127.0.0.1:9",
    maxRetries: 0,
    fetch: async (input) => {
      fetched.push(String(input));
      return Response.json({ ok: true });
    },
  });

  it("sends a JSON route's body as JSON to the route's path", async () => {
    const data = await callRoute(core, serverlessChatComplete, "post", "/serverless/v1/chat/completions", {
      body: { model: "m" },
    });
    expect(data).toEqual({ ok: true });
    expect(fetched).toEqual(["http://127.0.0.1:9/serverless/v1/chat/completions"]);
  });

  it("refuses a multipart route before the network", async () => {
    fetched.length = 0;
    await expect(
      callRoute(core, serverlessAudioTranscriptions, "post", "/serverless/v1/audio/transcriptions", { body: {} }),
    ).rejects.toThrow(/multipart/);
    expect(fetched).toEqual([]);
  });
});
