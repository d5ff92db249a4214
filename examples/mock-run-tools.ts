// A tool-calling loop on the mock API: the model calls a tool twice, then answers.
//   pnpm exec tsx --conditions=source examples/mock-run-tools.ts
import { createFriendliInference, functionTool } from "@friendli-ts/inference";
import { chatAnswer, functionCall } from "./mock-replies.ts";
import { type MockExample, runIfMain } from "./on-mock.ts";

export const main: MockExample<{ content: string | null; steps: number; toolRuns: string[] }> = async (
  mock,
  log = console.log,
) => {
  // Three model calls, answered in this order: a tool call, another, then the answer.
  mock.respond("serverlessChatComplete", {
    body: chatAnswer(null, [functionCall("call-1", "get_weather", { city: "Oslo" })]),
  });
  mock.respond("serverlessChatComplete", {
    body: chatAnswer(null, [functionCall("call-2", "get_weather", { city: "Rome" })]),
  });
  mock.respond("serverlessChatComplete", { body: chatAnswer("Rome is warmer: 18°C against 3°C in Oslo.") });

  const toolRuns: string[] = [];
  const weather = functionTool({
    name: "get_weather",
    description: "Current temperature of a city",
    parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
    run: async ({ city }: { city: string }) => {
      toolRuns.push(city);
      return { city, celsius: city === "Oslo" ? 3 : 18 };
    },
  });
  const { serverless } = createFriendliInference({ baseURL: mock.url, token: "demo-token" });
  const result = await serverless.chat.runTools(
    {
      model: "meta-llama-3.1-8b-instruct",
      messages: [{ role: "user", content: "Is it warmer in Oslo or in Rome right now?" }],
    },
    { tools: [weather], maxSteps: 5 },
  );
  log(`runTools(): ran get_weather for ${toolRuns.join(" and ")}`);
  log(`runTools(): ${result.steps} model calls, answer: ${result.content}`);
  return { content: result.content, steps: result.steps, toolRuns };
};

await runIfMain(import.meta.url, main);
