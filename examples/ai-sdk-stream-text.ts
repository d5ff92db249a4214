// The Vercel AI SDK on Friendli: streamText with a tool, then generateText with a typed object.
// Needs Node 22+ (the AI SDK 7).
//   pnpm exec tsx --conditions=source examples/ai-sdk-stream-text.ts   # mock server, or the API with FRIENDLI_TOKEN
import { createFriendli } from "@friendli-ts/ai-sdk";
import { generateText, NoObjectGeneratedError, Output, stepCountIs, streamText, tool } from "ai";
import { z } from "zod";
import { withApiOrMock } from "./with-api-or-mock.ts";

await withApiOrMock(async (options, target) => {
  const friendli = createFriendli(options);
  const model = friendli(process.env.FRIENDLI_MODEL ?? "meta-llama-3.1-8b-instruct");
  console.log(`The AI SDK with ${model.modelId} on ${target}\n`);

  const result = streamText({
    model,
    prompt: "What is the weather in Seoul, in one sentence?",
    tools: {
      weather: tool({
        description: "The current weather in a city",
        inputSchema: z.object({ city: z.string() }),
        execute: async ({ city }) => ({ city, sky: "clear", celsius: 21 }),
      }),
    },
    stopWhen: stepCountIs(3),
  });
  process.stdout.write("streamText: ");
  for await (const delta of result.textStream) process.stdout.write(delta);
  const usage = await result.totalUsage;
  console.log(`\n(${(await result.steps).length} steps, ${usage.totalTokens ?? "?"} tokens)\n`);

  try {
    const { output, providerMetadata } = await generateText({
      model,
      prompt: "Invent a city and its population.",
      output: Output.object({ schema: z.object({ city: z.string(), population: z.number() }) }),
    });
    console.log(`Output.object: ${output.city} has ${output.population} people`);
    console.log(`request id: ${providerMetadata?.friendli?.requestId ?? "not sent"}`);
  } catch (error) {
    // The mock answers its example text, which is not the JSON asked for.
    if (!NoObjectGeneratedError.isInstance(error)) throw error;
    console.log(`Output.object: the answer was not the JSON asked for (${error.text?.slice(0, 40)}...)`);
  }
});
