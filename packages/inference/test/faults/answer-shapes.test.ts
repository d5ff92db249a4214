import { InvalidResponseError } from "@friendli-ts/client";
import { serveFaults } from "@friendli-ts/test-kit";
import { describe, expect, it } from "vitest";
import { createFriendliInference, functionTool } from "../../src/index.ts";

const serve = serveFaults();
const body = { model: "m", messages: [{ role: "user" as const, content: "Hi" }] };
const schema = { type: "object" };
const tool = functionTool({ name: "f", parameters: schema, run: () => "ok" });

/** chat.parse and runTools against a 200 whose JSON is `answer`. */
async function helpersAgainst(answer: unknown) {
  const server = await serve(
    (_req, res) =>
      void res
        .writeHead(200, { "content-type": "application/json", "x-request-id": "req-7" })
        .end(JSON.stringify(answer)),
  );
  const inference = createFriendliInference({ baseURL: server.url, token: "test-token-1234", maxRetries: 0 });
  const chat = inference.serverless.chat;
  return Promise.all([
    chat.parse(body, schema).catch((e: unknown) => e),
    chat.runTools(body, { tools: [tool] }).catch((e: unknown) => e),
  ]);
}

const message = (fields: Record<string, unknown>) => ({
  choices: [{ index: 0, message: { role: "assistant", ...fields } }],
});

describe("chat.parse and runTools read a chat result of the wrong shape as InvalidResponseError", () => {
  it.each([
    ["null", null, /not an object/],
    ["a list", [1], /not an object/],
    ["no choices", { id: "c" }, /`choices` is not a list/],
    ["choices as an object", { choices: { 0: {} } }, /`choices` is not a list/],
    ["a choice that is text", { choices: ["hi"] }, /`choices\[0\]` is not an object/],
    ["a message that is text", { choices: [{ message: "hi" }] }, /message` is not an object/],
    ["content that is a number", message({ content: 5 }), /content` is not text/],
    ["tool calls as an object", message({ tool_calls: {} }), /tool_calls` is not a list/],
    ["a tool call without a function", message({ tool_calls: [{ id: "c1" }] }), /function` is not an object/],
    [
      "arguments that are an object",
      message({ tool_calls: [{ id: "c1", function: { name: "f", arguments: {} } }] }),
      /arguments` is not text/,
    ],
  ])("%s", async (_what, answer, problem) => {
    for (const error of await helpersAgainst(answer)) {
      expect(error).toBeInstanceOf(InvalidResponseError);
      expect((error as Error).message).toMatch(problem);
      expect((error as InvalidResponseError).requestId).toBe("req-7");
    }
  });
});
