// Chat with a serverless model: one answer at once, then a streamed one with its final result.
//   pnpm exec tsx --conditions=source examples/inference-chat.ts   # mock server, or the API with FRIENDLI_TOKEN
import { createFriendliInference } from "@friendli-ts/inference";
import { withApiOrMock } from "./with-api-or-mock.ts";

await withApiOrMock(async (options, target) => {
  const { serverless } = createFriendliInference(options);
  const model = process.env.FRIENDLI_MODEL ?? "meta-llama-3.1-8b-instruct";
  const messages = [{ role: "user" as const, content: "Name three uses of a paperclip." }];
  console.log(`Chat with ${model} on ${target}\n`);

  const answer = await serverless.chat.complete({ model, messages, max_tokens: 200 });
  console.log(`complete(): ${answer.choices[0]?.message.content}\n`);

  // Per-call options: this call only, e.g. its own timeout and a look at the response headers.
  const stream = await serverless.chat.stream(
    { model, messages, stream_options: { include_usage: true } },
    {
      timeout: 30_000,
      onResponse: (response) => console.log(`request id: ${response.headers.get("x-request-id") ?? "not sent"}`),
    },
  );
  // One branch prints text as it arrives; the other adds everything up.
  const [live, whole] = stream.tee();
  process.stdout.write("stream(): ");
  const [, final] = await Promise.all([
    (async () => {
      for await (const text of live.textDeltas()) process.stdout.write(text);
    })(),
    whole.finalResult(),
  ]);
  console.log(`\nfinish: ${final.choices[0]?.finish_reason}, tokens: ${final.usage?.total_tokens ?? "not sent"}`);
});
