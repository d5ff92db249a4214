// Answers to script on the mock, shaped as the spec says (`mock.respond` checks them again).
import type { MockBody, MockEvent } from "@friendli-ts/testing";

type ChatAnswer = MockBody<"serverlessChatComplete">;
type ToolCall = NonNullable<ChatAnswer["choices"][number]["message"]["tool_calls"]>[number];

const created = 1_767_225_600; // 2026-01-01

/** A whole chat completion: the assistant says `content`, or calls `toolCalls`. */
export function chatAnswer(content: string | null, toolCalls: ToolCall[] = []): ChatAnswer {
  return {
    id: "chatcmpl-mock",
    object: "chat.completion",
    created,
    model: "meta-llama-3.1-8b-instruct",
    choices: [
      {
        index: 0,
        finish_reason: toolCalls.length ? "tool_calls" : "stop",
        message: { role: "assistant", content, ...(toolCalls.length && { tool_calls: toolCalls }) },
      },
    ],
    usage: { prompt_tokens: 20, completion_tokens: 10, total_tokens: 30 },
  };
}

/** A function call as the model makes it: `arguments` is a JSON string. */
export const functionCall = (id: string, name: string, args: unknown): ToolCall => ({
  id,
  type: "function",
  function: { name, arguments: JSON.stringify(args) },
});

/** One `token` chunk of a tool-assisted chat stream. */
export function tokenEvent(content: string | null, finish = false): MockEvent<"serverlessToolAssistedChatStream"> {
  return {
    event: "token",
    data: {
      id: "chatcmpl-mock",
      object: "chat.completion.chunk",
      created,
      choices: [{ index: 0, delta: content === null ? {} : { content }, finish_reason: finish ? "stop" : null }],
    },
  };
}
