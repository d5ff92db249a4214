// Structured output validated against a schema, and a tool-calling loop.
//   pnpm exec tsx --conditions=source examples/inference-structured-and-tools.ts
// The mock server answers in prose and never calls tools, so there the parse step reports a
// StructuredOutputError and the loop ends after one step; the real API does both for real.
import { createFriendliInference, functionTool, StructuredOutputError } from "@friendli-ts/inference";
import { withApiOrMock } from "./with-api-or-mock.ts";

await withApiOrMock(async (options, target) => {
  const { serverless } = createFriendliInference(options);
  const model = process.env.FRIENDLI_MODEL ?? "meta-llama-3.1-8b-instruct";
  console.log(`Helpers against ${target}\n`);

  // A JSON Schema here; a zod schema works too and types `parsed` for you.
  const cityFacts = {
    type: "object",
    properties: { city: { type: "string" }, population: { type: "integer" } },
    required: ["city", "population"],
  };
  try {
    const { parsed } = await serverless.chat.parse<{ city: string; population: number }>(
      { model, messages: [{ role: "user", content: "Give the largest city of Norway and its population." }] },
      cityFacts,
    );
    console.log(`parse(): ${parsed.city} has ${parsed.population} people`);
  } catch (error) {
    if (!(error instanceof StructuredOutputError)) throw error;
    console.log(`parse(): the answer did not match the schema (${error.message})`);
  }

  const weather = functionTool({
    name: "get_weather",
    description: "Current temperature of a city",
    parameters: { type: "object", properties: { city: { type: "string" } }, required: ["city"] },
    // With a JSON Schema, say what the arguments are; a zod schema infers it.
    run: async ({ city }: { city: string }) => ({ city, celsius: city === "Oslo" ? 3 : 18 }),
  });
  const result = await serverless.chat.runTools(
    { model, messages: [{ role: "user", content: "Is it warmer in Oslo or in Rome right now?" }] },
    // Call options among the loop's own (here a timeout) go to every model call.
    { tools: [weather], maxSteps: 5, stream: true, onTextDelta: (text) => process.stdout.write(text), timeout: 30_000 },
  );
  console.log(`\nrunTools(): ${result.steps} step(s), ${result.messages.length} messages in the conversation`);
});
