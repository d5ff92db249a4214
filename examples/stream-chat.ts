// Streams a chat completion and prints the text as it arrives.
//   pnpm demo                          # against the mock server, no account needed
//   FRIENDLI_TOKEN=flp_... pnpm demo   # against the real API
import { createFriendliClient } from "@friendli-ts/client";
import { withApiOrMock } from "./with-api-or-mock.ts";

await withApiOrMock(async (options, target) => {
  const client = createFriendliClient(options);
  const model = process.env.FRIENDLI_MODEL ?? "meta-llama-3.1-8b-instruct";
  console.log(`Streaming ${model} from ${target}:\n`);

  const stream = await client.stream("/serverless/v1/chat/completions#stream", {
    body: {
      model,
      messages: [{ role: "user", content: "In one sentence, why do people stream model output?" }],
      stream_options: { include_usage: true },
    },
  });
  for await (const { data } of stream) {
    const text = data.choices[0]?.delta.content;
    if (text) process.stdout.write(text);
    if (data.usage) console.log(`\n\n[${data.usage.total_tokens} tokens]`);
  }
});
