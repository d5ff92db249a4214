import { serveFaults } from "@friendli-ts/test-kit";
import { stepCountIs, streamText, tool } from "ai";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { chunk, localProvider, sentBody, stream, usageChunk } from "../support/friendli-server.ts";

const serve = serveFaults();

const weather = tool({
  description: "The weather in a city",
  inputSchema: z.object({ city: z.string() }),
  execute: async ({ city }) => ({ city, sky: "clear" }),
});

describe("a multi-step tool loop with streamText", () => {
  it("runs the tool the stream asks for, sends its result back, and streams the answer", async () => {
    const server = await serve(async (_req, res, { attempt }) => {
      if (attempt === 1) {
        // The arguments arrive in pieces; the id and the name come only on the first delta.
        await stream(res, [
          chunk({
            role: "assistant",
            tool_calls: [{ index: 0, id: "call_a", function: { name: "weather", arguments: "" } }],
          }),
          chunk({ tool_calls: [{ index: 0, function: { arguments: '{"ci' } }] }),
          chunk({ tool_calls: [{ index: 0, function: { arguments: 'ty":"Se' } }] }),
          chunk({ tool_calls: [{ index: 0, function: { arguments: 'oul"}' } }] }, "tool_calls"),
          usageChunk(10, 5),
          "data: [DONE]\n\n",
        ]);
      } else {
        await stream(res, [chunk({ content: "Clear in Seoul." }, "stop"), usageChunk(20, 4), "data: [DONE]\n\n"]);
      }
    });
    const result = streamText({
      model: localProvider(server)("m"),
      prompt: "Weather in Seoul?",
      tools: { weather },
      stopWhen: stepCountIs(3),
    });
    expect(await result.text).toBe("Clear in Seoul.");
    const steps = await result.steps;
    expect(steps).toHaveLength(2);
    expect(steps[0]?.toolCalls).toEqual([expect.objectContaining({ toolCallId: "call_a", input: { city: "Seoul" } })]);
    expect(steps[0]?.toolResults[0]?.output).toEqual({ city: "Seoul", sky: "clear" });
    expect((await result.totalUsage).inputTokens).toBe(30);
    // The second request carries the assistant's call and the tool's answer.
    expect(sentBody(server, 2).messages).toEqual([
      { role: "user", content: "Weather in Seoul?" },
      {
        role: "assistant",
        content: null,
        tool_calls: [{ id: "call_a", type: "function", function: { name: "weather", arguments: '{"city":"Seoul"}' } }],
      },
      { role: "tool", tool_call_id: "call_a", name: "weather", content: '{"city":"Seoul","sky":"clear"}' },
    ]);
  });

  it("assembles two parallel calls with a numeric id, a repeated id, a missing id and indexes that skip", async () => {
    const server = await serve(async (_req, res, { attempt }) => {
      if (attempt > 1) return stream(res, [chunk({ content: "done" }, "stop"), "data: [DONE]\n\n"]);
      await stream(res, [
        chunk({ tool_calls: [{ index: 0, id: 7, function: { name: "weather", arguments: '{"city":' } }] }),
        chunk({ tool_calls: [{ index: 0, id: 7, function: { arguments: '"Oslo"}' } }] }),
        // Index 1 never comes; index 2 has no id at all.
        chunk(
          { tool_calls: [{ index: 2, function: { name: "weather", arguments: '{"city":"Lima"}' } }] },
          "tool_calls",
        ),
        "data: [DONE]\n\n",
      ]);
    });
    const result = streamText({
      model: localProvider(server)("m"),
      prompt: "?",
      tools: { weather },
      stopWhen: stepCountIs(2),
    });
    await result.consumeStream();
    const [first] = await result.steps;
    const calls = first?.toolCalls ?? [];
    expect(calls.map((c) => c.input)).toEqual([{ city: "Oslo" }, { city: "Lima" }]);
    expect(calls[0]?.toolCallId).toBe("7");
    expect(calls[1]?.toolCallId).toMatch(/.+/);
    expect(new Set(calls.map((c) => c.toolCallId)).size).toBe(2);
    expect(first?.toolResults).toHaveLength(2);
  });
});
