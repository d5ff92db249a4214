// Pass a chat stream through a web route handler and read it back on the other side.
//   pnpm exec tsx --conditions=source examples/inference-route-handler.ts
import { createFriendliInference, rebuildStream } from "@friendli-ts/inference";
import { withApiOrMock } from "./with-api-or-mock.ts";

await withApiOrMock(async (options, target) => {
  const { serverless } = createFriendliInference(options);

  // Server side, e.g. `export async function POST(request: Request)` in a web framework.
  async function handler(question: string): Promise<Response> {
    const stream = await serverless.chat.stream({
      model: process.env.FRIENDLI_MODEL ?? "meta-llama-3.1-8b-instruct",
      messages: [{ role: "user", content: question }],
    });
    return new Response(stream.toReadableStream(), { headers: { "content-type": "application/x-ndjson" } });
  }

  // Client side: the same chunks, with the same helpers.
  const response = await handler("Why stream model output?");
  if (!response.body) throw new Error("the route returned no body");
  const stream = rebuildStream("chat", response.body);
  process.stdout.write(`Relayed from ${target}: `);
  for await (const text of stream.textDeltas()) process.stdout.write(text);
  console.log();
});
