import { AISDKError, type LanguageModelV4, type LanguageModelV4CallOptions } from "@ai-sdk/provider";
import {
  everythingAnErrorShows,
  type FaultServer,
  type FuzzAnswer,
  findSecret,
  fuzzAnswer,
  fuzzParameters,
  startFaultServer,
} from "@friendli-ts/test-kit";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createFriendli, type FriendliProvider } from "../../src/index.ts";

// Whatever a server answers, every model of the provider resolves, or fails with one of the
// AI SDK's own errors (never a TypeError or a RangeError), and the token it echoes shows
// in no error, metadata, header or body the provider hands back.

const TOKEN = "flp_fuzz_secret_0123456789abcdef";
// Where an answer says this, the server writes the request's Authorization header.
const ECHO = "%ECHO%";

let current: FuzzAnswer = { status: 200, headers: {}, body: "", cutAt: null };
let server: FaultServer;
let friendli: FriendliProvider;
beforeAll(async () => {
  server = await startFaultServer((req, res) => {
    const echo = (text: string) => text.replaceAll(ECHO, String(req.headers.authorization));
    const { status, headers, body, cutAt } = current;
    res.writeHead(status, Object.fromEntries(Object.entries(headers).map(([name, value]) => [name, echo(value)])));
    const bytes = Buffer.from(echo(body));
    if (cutAt === null) return void res.end(bytes);
    res.write(bytes.subarray(0, cutAt), () => res.destroy());
  });
  friendli = createFriendli({ baseURL: server.url, token: TOKEN, maxRetries: 0, timeout: 5_000, logLevel: "off" });
});
afterAll(() => server.stop());

/** Every answer also echoes the token in its request id. */
const echoing = (answers: fc.Arbitrary<FuzzAnswer>) =>
  answers.map((answer) => ({ ...answer, headers: { ...answer.headers, "x-request-id": `req-${ECHO}` } }));

const usage = { prompt_tokens: 3, completion_tokens: 2, prompt_tokens_details: { cached_tokens: 1 }, note: ECHO };
const toolCall = { id: ECHO, type: "function", function: { name: "f", arguments: '{"a":1}' } };
const chatAnswer = {
  id: ECHO,
  object: "chat.completion",
  created: 1,
  model: ECHO,
  choices: [
    {
      index: 0,
      message: { role: "assistant", content: "Hi", reasoning_content: "hm", tool_calls: [toolCall] },
      finish_reason: "stop",
    },
  ],
  usage,
};
const chatChunk = {
  id: ECHO,
  object: "chat.completion.chunk",
  created: 1,
  model: ECHO,
  choices: [
    {
      index: 0,
      delta: { content: "Hi", reasoning_content: "hm", tool_calls: [{ index: 0, ...toolCall }] },
      finish_reason: null,
    },
  ],
  usage,
};
// A built-in tool's run as tool-assisted chat reports it (its chunks are chat chunks).
const toolStatus = {
  tool_call_id: ECHO,
  name: "web:search",
  status: "ENDED",
  parameters: [{ name: "query", value: ECHO }],
  result: ECHO,
  message: null,
  error: { type: "UNKNOWN", msg: ECHO },
  usage: null,
  timestamp: 1,
};
const completionAnswer = {
  id: ECHO,
  object: "text_completion",
  created: 1,
  model: ECHO,
  choices: [{ index: 0, text: "Hi", finish_reason: "length" }],
  usage,
};
const embeddingsAnswer = { data: [{ index: 0, object: "embedding", embedding: [0.5, 1] }], usage, note: ECHO };
const imagesAnswer = { data: [{ b64_json: "iVBORw0KGgo=", url: `http://127.0.0.1:1/${ECHO}` }], note: ECHO };
const modelList = {
  data: [
    {
      id: ECHO,
      name: ECHO,
      context_length: 8,
      max_completion_tokens: 4,
      pricing: { input: 1 },
      functionality: { tool_call: true, builtin_tool: false, parallel_tool_call: true },
      deprecation_date: null,
    },
  ],
};
const transcriptionAnswer = { text: "Hi", usage: { type: "tokens", note: ECHO } };

const DONE = "data: [DONE]\n\n";
const prompt: LanguageModelV4CallOptions = { prompt: [{ role: "user", content: [{ type: "text", text: "Hi" }] }] };
const builtInTools: LanguageModelV4CallOptions = {
  ...prompt,
  tools: [{ type: "provider", id: "friendli.web:search", name: "search", args: {} }],
};

/** What a call hands back besides the generated content: metadata, headers, bodies, stream parts. */
type Handed = unknown[];

async function drainStream(model: LanguageModelV4, handed: Handed, call = prompt): Promise<void> {
  const { stream, response } = await model.doStream(call);
  handed.push(response);
  for await (const part of stream) {
    if (part.type === "error") {
      // An error inside the stream must be the AI SDK's too.
      expect(AISDKError.isInstance(part.error), String(part.error)).toBe(true);
      handed.push(everythingAnErrorShows(part.error));
    } else if (
      part.type === "finish" ||
      part.type === "response-metadata" ||
      part.type === "tool-call" ||
      part.type === "tool-result"
    ) {
      handed.push(part);
    }
  }
}

const calls: [string, { json?: unknown; sse?: { event: unknown; end: string } }, (h: Handed) => Promise<void>][] = [
  [
    "chat doGenerate",
    { json: chatAnswer },
    async (h) => {
      const { content: _, ...rest } = await friendli("m").doGenerate(prompt);
      h.push(rest);
    },
  ],
  ["chat doStream", { sse: { event: chatChunk, end: DONE } }, (h) => drainStream(friendli("m"), h)],
  [
    "tool-assisted chat doStream (tool runs)",
    { sse: { event: toolStatus, end: DONE } },
    (h) => drainStream(friendli("m"), h, builtInTools),
  ],
  [
    "tool-assisted chat doGenerate (chunks)",
    { sse: { event: chatChunk, end: DONE } },
    async (h) => {
      h.push(await friendli("m").doGenerate(builtInTools));
    },
  ],
  [
    "completion doGenerate",
    { json: completionAnswer },
    async (h) => {
      const { content: _, ...rest } = await friendli.completionModel("m").doGenerate(prompt);
      h.push(rest);
    },
  ],
  [
    "completion doStream",
    { sse: { event: { ...completionAnswer, object: "text_completion" }, end: DONE } },
    (h) => drainStream(friendli.completionModel("m"), h),
  ],
  [
    "embedding doEmbed",
    { json: embeddingsAnswer },
    async (h) => {
      h.push(await friendli.dedicated.embeddingModel("ep").doEmbed({ values: ["Hi"] }));
    },
  ],
  [
    "image doGenerate",
    { json: imagesAnswer },
    async (h) => {
      const { images: _, ...rest } = await friendli.dedicated
        .imageModel("ep")
        .doGenerate({ prompt: "a dot", n: 1, providerOptions: {} } as never);
      h.push(rest);
    },
  ],
  [
    "image edit doGenerate",
    { json: imagesAnswer },
    async (h) => {
      const files = [{ type: "file" as const, mediaType: "image/png", data: "iVBORw0KGgo=" }];
      const { images: _, ...rest } = await friendli.dedicated
        .imageModel("ep")
        .doGenerate({ prompt: "a hat", n: 1, files, providerOptions: {} } as never);
      h.push(rest);
    },
  ],
  [
    "listModels",
    { json: modelList },
    async (h) => {
      h.push(await friendli.listModels());
    },
  ],
  [
    "transcription doGenerate",
    { json: transcriptionAnswer },
    async (h) => {
      const { text: _, ...rest } = await friendli
        .transcriptionModel("w")
        .doGenerate({ audio: new Uint8Array([1, 2, 3]), mediaType: "audio/wav" });
      h.push(rest);
    },
  ],
];

describe("every model of the provider, against answers of any shape from a server that echoes the token", () => {
  it.each(calls)("%s: resolves or fails with the AI SDK's errors, the token nowhere", async (_name, shapes, run) => {
    await fc.assert(
      fc.asyncProperty(echoing(fuzzAnswer(shapes)), async (answer) => {
        current = answer;
        const handed: Handed = [];
        try {
          await run(handed);
        } catch (error) {
          expect(AISDKError.isInstance(error), everythingAnErrorShows(error)).toBe(true);
          handed.push(everythingAnErrorShows(error));
        }
        const shown = handed.map((item) => (typeof item === "string" ? item : JSON.stringify(item))).join("\n");
        expect(findSecret(shown, TOKEN)).toBeUndefined();
      }),
      { ...fuzzParameters, numRuns: Math.ceil((fuzzParameters.numRuns ?? 200) / 3) },
    );
  });
});
