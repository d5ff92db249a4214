// A tool-assisted chat stream on the mock API: the server's calculator runs, then the answer streams.
//   pnpm exec tsx --conditions=source examples/mock-tool-assisted-stream.ts
import { createFriendliInference } from "@friendli-ts/inference";
import { tokenEvent } from "./mock-replies.ts";
import { type MockExample, runIfMain } from "./on-mock.ts";

const toolStatus = (status: "STARTED" | "ENDED", result: string | null) => ({
  event: "tool_status" as const,
  data: {
    tool_call_id: "call-calc",
    name: "math:calculator" as const,
    status,
    parameters: [{ name: "expression", value: "150 * 1.60934" }],
    result,
    files: null,
    message: null,
    error: null,
    usage: null,
    timestamp: 1_767_225_600,
  },
});

export const main: MockExample<{ tools: string[]; text: string }> = async (mock, log = console.log) => {
  // The events the server would send: tool updates, the answer's chunks, then [DONE].
  mock.respond("serverlessToolAssistedChatStream", {
    events: [
      toolStatus("STARTED", null),
      toolStatus("ENDED", JSON.stringify({ result: "150 * 1.60934=241.401" })),
      tokenEvent("150 miles is "),
      tokenEvent("about 241.4 km."),
      tokenEvent(null, true),
      { data: "[DONE]" },
    ],
  });

  const { serverless } = createFriendliInference({ baseURL: mock.url, token: "demo-token" });
  const stream = await serverless.toolAssistedChat.stream({
    model: "meta-llama-3.1-8b-instruct",
    messages: [{ role: "user", content: "What is 150 miles in km?" }],
    tools: [{ type: "math:calculator" }],
  });
  const tools: string[] = [];
  let text = "";
  for await (const event of stream) {
    if (event.event === "tool_status") {
      tools.push(`${event.data.name} ${event.data.status}`);
      log(`tool: ${event.data.name} ${event.data.status}`);
    } else text += event.data.choices[0]?.delta.content ?? "";
  }
  log(`answer: ${text}`);
  return { tools, text };
};

await runIfMain(import.meta.url, main);
