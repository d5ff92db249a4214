// One call of each inference family, for serverless, dedicated and container deployments.
//   pnpm exec tsx --conditions=source examples/inference-every-family.ts   # against the mock server
import { createFriendliInference } from "@friendli-ts/inference";
import { withApiOrMock } from "./with-api-or-mock.ts";

await withApiOrMock(async (options, target) => {
  // A container has its own URL and needs no token; here it is the same mock server.
  const { serverless, dedicated, container } = createFriendliInference({
    ...options,
    container: { baseURL: options.baseURL ?? "http://localhost:8000" },
  });
  const model = "meta-llama-3.1-8b-instruct";
  const endpoint = "your-endpoint-id"; // for dedicated calls, the model is the endpoint id
  const messages = [{ role: "user" as const, content: "Hello!" }];
  console.log(`Every family against ${target}\n`);

  const completion = await serverless.completions.complete({ model, prompt: "Once upon a time", max_tokens: 20 });
  console.log("completions  ", completion.choices[0]?.text);

  const response = await serverless.responses.create({ model, input: "Say hi" });
  console.log("responses    ", response.status);
  const responseStream = await dedicated.responses.stream({ model: endpoint, input: "Say hi" });
  console.log("responses ~  ", await responseStream.finalText());

  const message = await container.messages.create({ max_tokens: 64, messages });
  console.log("messages     ", message.content[0]?.type === "text" ? message.content[0].text : message.content[0]);

  const rendered = await serverless.chat.render({ model, messages });
  console.log("chat.render  ", JSON.stringify(rendered.text.slice(0, 40)));

  const { tokens } = await serverless.token.tokenize({ model, prompt: "What is generative AI?" });
  const { text } = await serverless.token.detokenize({ model, tokens });
  console.log("token        ", tokens.length, "tokens ->", text);

  // Any Blob, File, bytes or byte stream is sent as the multipart file.
  const audio = new Blob([new Uint8Array(1024)], { type: "audio/wav" });
  const transcript = await serverless.audio.transcriptions.create({ model: "openai/whisper-large-v3", file: audio });
  console.log("transcription", transcript.text);

  const embeddings = await dedicated.embeddings.create({ model: endpoint, input: "The food was delicious" });
  console.log("embeddings   ", embeddings.data[0]?.embedding);

  const image = await dedicated.images.generate({ model: endpoint, prompt: "A lighthouse at dawn" });
  console.log("images       ", "data" in image ? image.data[0] : image);

  const classes = await container.classification.classify({ input: "I love programming." });
  console.log("classify     ", classes.data[0]?.label);

  const toolAssisted = await serverless.toolAssistedChat.complete({
    model,
    messages: [{ role: "user", content: "What is 150 * 1.60934?" }],
    tools: [{ type: "math:calculator" }],
  });
  console.log("tool-assisted", toolAssisted.choices[0]?.message.content);

  const found = await serverless.knowledge.retrieve({ query: "Chicken dinner", k: 1, knowledgeIds: ["kb-id"] });
  console.log("knowledge    ", found.results.length, "result(s)");

  const models = await serverless.models.list();
  console.log("models       ", models.data.map((m) => m.id).slice(0, 3));
});
