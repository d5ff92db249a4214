// The clients of the mock that need Node 22 (openai-node 7, the AI SDK 7) through the cases every
// client passes (tooling/test-kit's foreign-client-cases): openai-node 7, the AI SDK with
// `@ai-sdk/openai-compatible`, with Friendli's `@friendliai/ai-provider` and with this package,
// and LangChain (`@langchain/openai`).
// openai-node 6, curl and Python run the same cases in packages/testing.
import { createOpenAICompatible } from "@ai-sdk/openai-compatible";
import { type MockServer, startMockServer } from "@friendli-ts/test-kit";
import { type ForeignClient, foreignClientCases, openAiNodeClient } from "@friendli-ts/test-kit/foreign-clients";
import { createFriendli as createOfficial } from "@friendliai/ai-provider";
import { ChatOpenAI, OpenAI as LangChainCompletions, OpenAIEmbeddings } from "@langchain/openai";
import { APICallError, type EmbeddingModel, embed, generateText, type LanguageModel, streamText } from "ai";
import OpenAI from "openai";
import { afterAll, beforeAll, expect } from "vitest";
import { createFriendli } from "../../src/index.ts";

let mock: MockServer;
// Every request the clients make goes to the mock: one to another host (LangChain fetches its
// tokenizer's encodings from a CDN when it counts tokens) is refused and fails the file, so the
// file passes offline.
const realFetch = globalThis.fetch;
const elsewhere: string[] = [];
beforeAll(async () => {
  mock = await startMockServer();
  // LangChain traces to LangSmith's servers when the environment asks it to: never from here.
  process.env.LANGSMITH_TRACING = "false";
  process.env.LANGCHAIN_TRACING_V2 = "false";
  globalThis.fetch = (input, init) => {
    const url = new URL(input instanceof Request ? input.url : String(input));
    if (url.hostname !== "127.0.0.1") {
      elsewhere.push(url.href);
      return Promise.reject(new Error(`a request off the machine: ${url.href}`));
    }
    return realFetch(input, init);
  };
});
afterAll(async () => {
  globalThis.fetch = realFetch;
  await mock?.stop();
  expect(elsewhere).toEqual([]);
});

/** A provider's models for the AI SDK, and how it is made to break the spec and to retry. */
interface AiSdkSide {
  chat(retries?: number): LanguageModel;
  completion(): LanguageModel;
  /** Absent where the provider has none. */
  embedding?(): EmbeddingModel;
  /** Settings that put a value the spec forbids into the chat body (`top_k: 1.5`; it is a whole number there). */
  badSettings: Parameters<typeof generateText>[0];
  /** Where a retry is configured: the AI SDK's `maxRetries`, or the provider's own (this package retries in its client). */
  retriesIn: "ai-sdk" | "provider";
}

/** The AI SDK over one provider as a `ForeignClient`: the calls an app makes with `ai`. */
function aiSdkClient(side: () => AiSdkSide): ForeignClient {
  const readStream = async () => {
    const result = streamText({ model: side().chat(), prompt: "Hi", maxRetries: 0, onError: () => {} });
    const pieces: string[] = [];
    let error: unknown;
    try {
      for await (const part of result.fullStream) {
        if (part.type === "text-delta") pieces.push(part.text);
        if (part.type === "error") error = part.error;
      }
    } catch (thrown) {
      // A body cut under the stream comes out of the loop (the providers over provider-utils).
      error = thrown;
    }
    return { pieces, error, result };
  };
  return {
    chat: async () => (await generateText({ model: side().chat(), prompt: "Hi", maxRetries: 0 })).text,
    async stream() {
      const { pieces, error, result } = await readStream();
      if (error) throw error;
      return { pieces, totalTokens: (await result.usage).totalTokens };
    },
    async embed() {
      const model = side().embedding?.();
      if (!model) throw new Error("this provider has no embedding model");
      return (await embed({ model, value: "Hi", maxRetries: 0 })).embedding;
    },
    async complete() {
      // The AI SDK asks every model for `toolChoice`, and the completion models of the two
      // providers over openai-compatible warn that they have none: a warning about the client,
      // kept out of the run's log.
      const before = globalThis.AI_SDK_LOG_WARNINGS;
      globalThis.AI_SDK_LOG_WARNINGS = () => undefined;
      try {
        return (await generateText({ model: side().completion(), prompt: "Hi", maxRetries: 0 })).text;
      } finally {
        globalThis.AI_SDK_LOG_WARNINGS = before;
      }
    },
    async refused() {
      const error = await generateText({ ...side().badSettings, maxRetries: 0 }).catch((e: unknown) => e);
      if (!APICallError.isInstance(error)) throw error;
      return { status: error.statusCode ?? 0, message: error.message };
    },
    async retried() {
      const { retriesIn } = side();
      const model = side().chat(retriesIn === "provider" ? 1 : 0);
      return (await generateText({ model, prompt: "Hi", maxRetries: retriesIn === "ai-sdk" ? 1 : 0 })).text;
    },
    async readUntilError() {
      const { pieces, error } = await readStream();
      return { text: pieces.join(""), error };
    },
  };
}

const dedicated = () => `${mock.url}/dedicated/v1`;

foreignClientCases("openai-node 7", () => ({ mock, client: openAiNodeClient(OpenAI, mock.url) }));

const compatible = aiSdkClient(() => {
  const provider = createOpenAICompatible({
    name: "friendli",
    baseURL: dedicated(),
    apiKey: "test",
    includeUsage: true,
  });
  return {
    chat: () => provider.chatModel("m"),
    completion: () => provider.completionModel("m"),
    embedding: () => provider.embeddingModel("m"),
    // Settings it does not know go to the body as given.
    badSettings: { model: provider.chatModel("m"), prompt: "Hi", providerOptions: { friendli: { top_k: 1.5 } } },
    retriesIn: "ai-sdk",
  };
});
foreignClientCases("the AI SDK with @ai-sdk/openai-compatible", () => ({ mock, client: compatible }));

const official = aiSdkClient(() => {
  const provider = createOfficial({ apiKey: "test", baseURL: dedicated(), includeUsage: true });
  return {
    chat: () => provider("m"),
    completion: () => provider.completion("m"),
    badSettings: { model: provider("m"), prompt: "Hi", topK: 1.5 },
    retriesIn: "ai-sdk",
  };
});
foreignClientCases("the AI SDK with @friendliai/ai-provider", () => ({ mock, client: official }), {
  embed: "the provider has no embedding model (it throws NoSuchModelError)",
});

const ours = aiSdkClient(() => {
  const provider = (maxRetries = 0) => createFriendli({ baseURL: mock.url, token: "test", maxRetries }).dedicated;
  return {
    chat: (retries) => provider(retries)("m"),
    completion: () => provider().completionModel("m"),
    embedding: () => provider().embeddingModel("m"),
    badSettings: { model: provider()("m"), prompt: "Hi", topK: 1.5 },
    retriesIn: "provider",
  };
});
foreignClientCases("the AI SDK with @friendli-ts/ai-sdk", () => ({ mock, client: ours }));

/** LangChain's OpenAI models as a `ForeignClient`; it retries in its own caller (`maxRetries`). */
function langChainClient(): ForeignClient {
  const configuration = () => ({ baseURL: dedicated() });
  const chat = (maxRetries = 0, modelKwargs?: Record<string, unknown>) =>
    new ChatOpenAI({ model: "m", apiKey: "test", configuration: configuration(), maxRetries, modelKwargs });
  const text = (content: unknown) => (typeof content === "string" ? content : "");
  const readStream = async (onPiece: (piece: string) => void, onTotal: (total: number) => void) => {
    for await (const piece of await chat().stream("Hi")) {
      const content = text(piece.content);
      if (content) onPiece(content);
      if (piece.usage_metadata) onTotal(piece.usage_metadata.total_tokens);
    }
  };
  return {
    chat: async () => text((await chat().invoke("Hi")).content),
    async stream() {
      const pieces: string[] = [];
      let totalTokens: number | undefined;
      await readStream(
        (p) => pieces.push(p),
        (t) => {
          totalTokens = t;
        },
      );
      return { pieces, totalTokens };
    },
    // Its default: no `encoding_format`, so openai-node asks for base64 and decodes it.
    embed: () =>
      new OpenAIEmbeddings({ model: "m", apiKey: "test", configuration: configuration(), maxRetries: 0 }).embedQuery(
        "Hi",
      ),
    complete: () =>
      new LangChainCompletions({ model: "m", apiKey: "test", configuration: configuration(), maxRetries: 0 }).invoke(
        "Hi",
      ),
    async refused() {
      // Settings it does not know go to the body as given.
      const error = (await chat(0, { top_k: 1.5 })
        .invoke("Hi")
        .catch((e: unknown) => e)) as { status?: number; message: string };
      return { status: error.status ?? 0, message: error.message };
    },
    retried: async () => text((await chat(1).invoke("Hi")).content),
    async readUntilError() {
      let read = "";
      try {
        await readStream(
          (p) => {
            read += p;
          },
          () => {},
        );
        return { text: read, error: undefined };
      } catch (error) {
        return { text: read, error };
      }
    },
  };
}
foreignClientCases("LangChain (@langchain/openai)", () => ({ mock, client: langChainClient() }));
