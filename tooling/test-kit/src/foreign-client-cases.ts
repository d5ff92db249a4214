// The cases every client of the mock must pass, whoever wrote the client: a user's contract
// test points openai-node, the AI SDK, curl or Python at the mock and expects these to work.
// Each client is an adapter (`ForeignClient`) over its own API, against the mock's dedicated
// base URL (`<mock>/dedicated/v1`, the one deployment with chat, completions and embeddings).
import { beforeEach, describe, expect, it } from "vitest";

/** What the cases need of a mock server (the built one or the workspace's). */
export interface CaseMock {
  calls: { path: string; status: number; stream: boolean; operationId?: string; scripted?: true }[];
  respond(operationId: "dedicatedChatComplete" | "dedicatedChatStream", reply: object): void;
  reset(): void;
}

/** One client of the mock, each method a call a user's app makes. */
export interface ForeignClient {
  /** A chat completion (no stream): the answer's text. */
  chat(): Promise<string>;
  /** A streamed chat completion asking for usage: the text of each delta, and the usage's total. */
  stream(): Promise<{ pieces: string[]; totalTokens: number | undefined }>;
  /** An embedding of one input, in the encoding the client asks for by default, decoded. */
  embed(): Promise<number[]>;
  /** A text completion: its text. */
  complete(): Promise<string>;
  /** A chat request the spec refuses (each client breaks it its own way): the status and the error's message. */
  refused(): Promise<{ status: number; message: string }>;
  /** A chat completion with one retry allowed: the text of the answer it ends with. */
  retried(): Promise<string>;
  /** A chat stream read until it ends or the client raises: the text read, and what it raised. */
  readUntilError(): Promise<{ text: string; error: unknown }>;
}

export type ForeignCase = keyof ForeignClient;

const CASES: ForeignCase[] = ["chat", "stream", "embed", "complete", "refused", "retried", "readUntilError"];

/** Every case skipped, for a client that cannot run here (a program the machine lacks). */
export const everyCaseSkipped = (reason: string): Record<ForeignCase, string> =>
  Object.fromEntries(CASES.map((c) => [c, reason])) as Record<ForeignCase, string>;

const chunk = (content: string) => ({
  id: "c1",
  object: "chat.completion.chunk",
  created: 1,
  model: "m",
  choices: [{ index: 0, delta: { content }, finish_reason: null }],
});

/** Prose, as the mock's default chat answer writes it: sentences from a capital to a stop. */
const PROSE = /^[A-Z][\s\S]*[.!?]$/;

/**
 * Registers the cases for one client. `context` is read in each test (the mock starts in the
 * file's `beforeAll`); `skipped` names a case that cannot run for this client, and why.
 */
export function foreignClientCases(
  name: string,
  context: () => { mock: CaseMock; client: ForeignClient },
  skipped: Partial<Record<ForeignCase, string>> = {},
): void {
  describe(`${name} against the mock`, () => {
    beforeEach(() => context().mock.reset());
    const lastCall = () => context().mock.calls.at(-1);
    const callsDuring = async <T>(run: () => Promise<T>) => {
      const { mock } = context();
      const before = mock.calls.length;
      const result = await run();
      return { result, calls: mock.calls.slice(before) };
    };
    const test = (kase: ForeignCase, title: string, body: (client: ForeignClient) => Promise<void>) => {
      const reason = skipped[kase];
      if (reason !== undefined) it.skip(`${title} (skipped: ${reason})`, () => {});
      else it(title, () => body(context().client));
    };

    test("chat", "chat: the default answer is prose", async (client) => {
      expect(await client.chat()).toMatch(PROSE);
      expect(lastCall()).toMatchObject({ path: "/dedicated/v1/chat/completions", stream: false, status: 200 });
    });

    test("stream", "chat stream: the deltas join into prose, and usage comes when asked for", async (client) => {
      const { pieces, totalTokens } = await client.stream();
      expect(pieces.length).toBeGreaterThan(1);
      expect(pieces.join("")).toMatch(PROSE);
      expect(totalTokens).toBeGreaterThan(0);
      expect(lastCall()).toMatchObject({ path: "/dedicated/v1/chat/completions", stream: true, status: 200 });
    });

    test("embed", "embeddings: the client's encoding decodes to a unit vector", async (client) => {
      const vector = await client.embed();
      expect(vector.length).toBeGreaterThan(0);
      // The mock's vectors have length 1: a wrong decoding (or none) would not.
      expect(Math.hypot(...vector)).toBeCloseTo(1, 5);
      expect(lastCall()).toMatchObject({ path: "/dedicated/v1/embeddings", status: 200 });
    });

    test("complete", "completions: a text", async (client) => {
      expect((await client.complete()).length).toBeGreaterThan(0);
      expect(lastCall()).toMatchObject({ path: "/dedicated/v1/completions", stream: false, status: 200 });
    });

    test("refused", "a bad body: a 4xx whose message names the spec rule it broke", async (client) => {
      const { status, message } = await client.refused();
      expect(status).toBe(422);
      expect(message).toMatch(/\(spec: #\/components\/schemas\/\w+\/properties\/\w+/);
    });

    test("retried", "a 429 with Retry-After, then 200: the client retries and reads the answer", async (client) => {
      context().mock.respond("dedicatedChatComplete", {
        status: 429,
        body: { detail: "slow down" },
        // `retry-after-ms` for the clients that read it (openai-node, the AI SDK): a short wait.
        headers: { "retry-after": "1", "retry-after-ms": "100" },
      });
      const { result, calls } = await callsDuring(() => client.retried());
      expect(result).toMatch(PROSE);
      expect(calls.map((c) => c.status)).toEqual([429, 200]);
    });

    test("readUntilError", "a stream cut mid-way: the client raises after the events sent", async (client) => {
      const events = ["one ", "two ", "three"].map((w) => ({ data: chunk(w) }));
      context().mock.respond("dedicatedChatStream", { events: [...events, { data: "[DONE]" }], cutAfter: 2 });
      const { text, error } = await client.readUntilError();
      expect(text).toBe("one two ");
      expect(error).toBeDefined();
      expect(lastCall()).toMatchObject({ stream: true, fault: "cut" });
    });
  });
}

/** What the openai-node adapter calls: the same in openai 6 and 7. */
interface OpenAiNode {
  chat: { completions: { create(body: object): Promise<unknown> } };
  completions: { create(body: object): Promise<unknown> };
  embeddings: { create(body: object): Promise<unknown> };
}
type OpenAiNodeClass = new (options: { apiKey: string; baseURL: string; maxRetries: number }) => OpenAiNode;

interface ChatAnswer {
  choices: { message?: { content?: string | null }; text?: string; delta?: { content?: string | null } }[];
  usage?: { total_tokens?: number } | null;
}

const messages = [{ role: "user", content: "Hi" }];

/**
 * openai-node (6 or 7, whichever the caller imports) as a `ForeignClient`: its defaults kept,
 * so embeddings go out with its default `encoding_format: "base64"`.
 */
export function openAiNodeClient(OpenAI: OpenAiNodeClass, url: string): ForeignClient {
  const client = (maxRetries = 0) => new OpenAI({ apiKey: "test", baseURL: `${url}/dedicated/v1`, maxRetries });
  const chatText = (answer: unknown) => (answer as ChatAnswer).choices[0]?.message?.content ?? "";
  const streamed = async (onPiece: (piece: string) => void, onUsage: (total?: number) => void) => {
    const body = { model: "m", messages, stream: true, stream_options: { include_usage: true } };
    const stream = (await client().chat.completions.create(body)) as AsyncIterable<ChatAnswer>;
    for await (const c of stream) {
      const piece = c.choices[0]?.delta?.content;
      if (piece) onPiece(piece);
      if (c.usage) onUsage(c.usage.total_tokens);
    }
  };
  return {
    chat: async () => chatText(await client().chat.completions.create({ model: "m", messages })),
    async stream() {
      const pieces: string[] = [];
      let totalTokens: number | undefined;
      await streamed(
        (p) => pieces.push(p),
        (t) => {
          totalTokens = t;
        },
      );
      return { pieces, totalTokens };
    },
    async embed() {
      const answer = (await client().embeddings.create({ model: "m", input: "Hi" })) as {
        data: { embedding: number[] }[];
      };
      return answer.data[0]?.embedding ?? [];
    },
    async complete() {
      const answer = (await client().completions.create({ model: "m", prompt: "Hi" })) as ChatAnswer;
      return answer.choices[0]?.text ?? "";
    },
    async refused() {
      const error = (await client()
        .chat.completions.create({ model: "m", messages: "not a list" })
        .catch((e: unknown) => e)) as { status: number; message: string };
      return { status: error.status, message: error.message };
    },
    retried: async () => chatText(await client(1).chat.completions.create({ model: "m", messages })),
    async readUntilError() {
      let text = "";
      try {
        await streamed(
          (p) => {
            text += p;
          },
          () => {},
        );
        return { text, error: undefined };
      } catch (error) {
        return { text, error };
      }
    },
  };
}
