// Structured output on the mock API: the model's JSON answer is scripted, `chat.parse` checks it.
//   pnpm exec tsx --conditions=source examples/mock-chat-parse.ts
import { createFriendliInference } from "@friendli-ts/inference";
import { chatAnswer } from "./mock-replies.ts";
import { type MockExample, runIfMain } from "./on-mock.ts";

interface CityFacts {
  city: string;
  population: number;
}
const cityFacts = {
  type: "object",
  properties: { city: { type: "string" }, population: { type: "integer" } },
  required: ["city", "population"],
};

export const main: MockExample<CityFacts> = async (mock, log = console.log) => {
  // The next chat completion answers this JSON, as a model asked for the schema would.
  mock.respond("serverlessChatComplete", { body: chatAnswer(JSON.stringify({ city: "Oslo", population: 717_710 })) });

  const { serverless } = createFriendliInference({ baseURL: mock.url, token: "demo-token" });
  const { parsed } = await serverless.chat.parse<CityFacts>(
    {
      model: "meta-llama-3.1-8b-instruct",
      messages: [{ role: "user", content: "The largest city of Norway and its population, as JSON." }],
    },
    cityFacts,
  );
  log(`parse(): ${parsed.city} has ${parsed.population} people`);
  return parsed;
};

await runIfMain(import.meta.url, main);
