import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { createFriendliInference } from "../../src/index.ts";
import { chatTextOfJson } from "../../src/streams/chat-text-of-json.ts";

// `textDeltas()` of a chat stream reads the common chunk shape from the event's text
// (chatTextOfJson) instead of parsing it. These properties hold it to the general path:
// iterating the stream's items and applying the kind's own `textOf`.

/** JSON text already written (a nested object built by `objectText`). */
class RawJson {
  constructor(readonly text: string) {}
}

const text = fc.oneof(
  fc.string({ unit: "grapheme" }),
  fc.string({ unit: "binary" }),
  fc.constantFrom("", "\n", '"', "\\", "\u2028", "\t", "\u0000", "\ud83d", "🌍", "null", "[DONE]"),
);
const odd = fc.oneof(fc.integer(), fc.double(), fc.boolean(), fc.constant({}), fc.constant([]), fc.constant("x"));
const sometimes = <T>(good: fc.Arbitrary<T>) =>
  fc.oneof({ weight: 6, arbitrary: good }, { weight: 1, arbitrary: fc.constant(null) }, { weight: 1, arbitrary: odd });

/** An object's members in any order, each key at most once. */
const members = (fields: Record<string, fc.Arbitrary<unknown>>, all: boolean) =>
  fc
    .shuffledSubarray(Object.keys(fields), { minLength: all ? Object.keys(fields).length : 0 })
    .chain((keys) => fc.tuple(...keys.map((key) => (fields[key] as fc.Arbitrary<unknown>).map((v) => [key, v]))));

/** JSON text of an object built from members (all of them or some); strings sometimes \u-escaped. */
const objectText = (fields: Record<string, fc.Arbitrary<unknown>>, all = false) =>
  fc
    .tuple(members(fields, all), fc.boolean())
    .map(
      ([entries, escapeAll]) =>
        `{${(entries as [string, unknown][]).map(([k, v]) => `${JSON.stringify(k)}:${json(v, escapeAll)}`).join(",")}}`,
    );

function json(value: unknown, escapeAll: boolean): string {
  if (typeof value === "string" && escapeAll) {
    const units = Array.from({ length: value.length }, (_, i) => value.charCodeAt(i).toString(16).padStart(4, "0"));
    return `"${units.map((hex) => `\\u${hex}`).join("")}"`;
  }
  if (value instanceof RawJson) return value.text;
  return JSON.stringify(value) ?? "null";
}

const raw = (arbitrary: fc.Arbitrary<string>) => arbitrary.map((t) => new RawJson(t));

const delta = objectText({
  content: sometimes(text),
  role: sometimes(fc.constantFrom("assistant", "user")),
  reasoning_content: sometimes(text),
  reasoning: sometimes(text),
  tool_calls: fc.constantFrom([], [{ index: 0, function: { arguments: "{" } }], null),
});
const choice = objectText({
  index: fc.oneof(fc.constantFrom(0, 1, 7, null, -1, 1.5, 2 ** 53, "0"), fc.nat()),
  delta: fc.oneof(
    { weight: 6, arbitrary: raw(delta) },
    { weight: 1, arbitrary: fc.constant(null) },
    { weight: 1, arbitrary: odd },
  ),
  finish_reason: sometimes(fc.constantFrom("stop", "length")),
  logprobs: fc.constantFrom(null, {}, { content: null }, { content: 3 }),
});
const choices = fc.oneof(
  { weight: 8, arbitrary: raw(choice).map((c) => new RawJson(`[${c.text}]`)) },
  { weight: 1, arbitrary: fc.tuple(raw(choice), raw(choice)).map(([a, b]) => new RawJson(`[${a.text},${b.text}]`)) },
  { weight: 1, arbitrary: fc.constantFrom(null, [], "x", {}) },
);
const chunkFields = {
  id: sometimes(text),
  object: sometimes(fc.constant("chat.completion.chunk")),
  created: fc.oneof(
    fc.nat(),
    fc.constantFrom(
      null,
      0,
      1.5,
      -1,
      1e21,
      "1",
      ...["01", "-0", "1e5", "1.0", "1234567890123456"].map((t) => new RawJson(t)),
    ),
  ),
  model: sometimes(text),
  system_fingerprint: sometimes(text),
  usage: fc.constantFrom(null, null, null, {}, { prompt_tokens: 1 }, 3),
  choices,
};
// Mostly chunks of the shape's own fields, some with fields that make an event an error or unknown.
const chunkText = fc.oneof(
  { weight: 4, arbitrary: objectText(chunkFields) },
  {
    weight: 1,
    arbitrary: objectText({
      ...chunkFields,
      error: fc.constantFrom(null, { message: "boom" }, "boom"),
      type: fc.constantFrom("error", "chunk", null),
      ["__proto__"]: fc.constant({ content: "x" }),
    }),
  },
);

/** The common shape, every field there, in any order. */
const common = objectText(
  {
    id: fc.oneof(text, fc.constant(null)),
    object: fc.constant("chat.completion.chunk"),
    created: fc.nat(),
    model: text,
    choices: objectText(
      {
        index: fc.constant(0),
        delta: objectText({ content: text, role: fc.constant("assistant") }, true).map((t) => new RawJson(t)),
        finish_reason: fc.constantFrom(null, "stop"),
      },
      true,
    ).map((c) => new RawJson(`[${c}]`)),
  },
  true,
);

/** The text, sometimes broken: a character changed, dropped or added, a space, a member twice, cut short. */
const hostile = fc.oneof(
  { weight: 3, arbitrary: chunkText },
  {
    weight: 4,
    arbitrary: fc
      .tuple(
        chunkText,
        fc.nat(),
        fc.constantFrom(" ", "\n", '"', "\\", "{", "}", ",", ":", "0", "u", "\u0001", "é"),
        chunkText,
      )
      .chain(([t, at, char, other]) => {
        const i = t.length === 0 ? 0 : at % t.length;
        return fc.constantFrom(
          t.slice(0, i) + char + t.slice(i + 1),
          t.slice(0, i) + t.slice(i + 1),
          t.slice(0, i) + char + t.slice(i),
          t.slice(0, i),
          // Members of another chunk after this one's: keys twice, the later value differing.
          t.length > 2 && other.length > 2 ? `${t.slice(0, -1)},${other.slice(1)}` : t,
        );
      }),
  },
  {
    // Two chunks' members in one object: keys twice, the later value differing.
    weight: 2,
    arbitrary: fc
      .tuple(fc.oneof(common, objectText(chunkFields)), common)
      .map(([a, b]) => (a.length > 2 && b.length > 2 ? `${a.slice(0, -1)},${b.slice(1)}` : a)),
  },
  { weight: 1, arbitrary: fc.constantFrom("null", "[]", "1", '"x"', "{}", "", "[DONE] ", '{"choices":[]} ') },
);

// Mostly unnamed events, as chat streams send; a named one is always decoded in full.
const eventName = fc.oneof(
  { weight: 6, arbitrary: fc.constant(null) },
  { weight: 1, arbitrary: fc.constantFrom("error", "chunk") },
);

/** What the general path gives for these events: each item's `textOf`, skipping none, until an error. */
async function outcomes(
  datas: [string, string | null][],
  fast: boolean,
): Promise<{ deltas: string[]; error?: string }> {
  const body = `${datas.map(([d, name]) => `${name ? `event: ${name}\n` : ""}data: ${d}\n\n`).join("")}data: [DONE]\n\n`;
  const inference = createFriendliInference({
    baseURL: "http://127.0.0.1:9",
    token: "test-token",
    maxRetries: 0,
    fetch: async () => new Response(body, { headers: { "content-type": "text/event-stream" } }),
  });
  const stream = await inference.serverless.chat.stream({ model: "m", messages: [{ role: "user", content: "hi" }] });
  const deltas: string[] = [];
  try {
    if (fast) for await (const delta of stream.textDeltas()) deltas.push(delta);
    else {
      for await (const item of stream) {
        const delta = stream.kind.textOf(item);
        if (delta) deltas.push(delta);
      }
    }
  } catch (error) {
    return { deltas, error: `${(error as Error).name}: ${(error as Error).message}` };
  }
  return { deltas };
}

describe("chat text read from the event's JSON text", () => {
  it("reads the common shape, whatever its key order, escapes and text", () => {
    fc.assert(
      fc.property(common, (data) => {
        const content = JSON.parse(data).choices[0].delta.content;
        expect(chatTextOfJson(data)).toBe(content === undefined || content === "" ? null : content);
      }),
      { numRuns: 500 },
    );
  });

  it("gives what the general path gives, or leaves the text to it", () => {
    fc.assert(
      fc.property(hostile, (data) => {
        const fast = chatTextOfJson(data);
        if (fast === undefined) return;
        // Recognised: the general path must parse it, find no error event, pass the shape check, and agree.
        const parsed = JSON.parse(data);
        expect(typeof parsed === "object" && parsed !== null && !Array.isArray(parsed)).toBe(true);
        expect(Object.hasOwn(parsed, "error") || Object.hasOwn(parsed, "type")).toBe(false);
        const first = parsed.choices?.find((c: { index: unknown }) => c.index === 0) ?? parsed.choices?.[0];
        expect(fast).toBe(first?.delta?.content || null);
      }),
      { numRuns: 3000 },
    );
  });

  it("textDeltas() hands on the same deltas and the same error as the items with textOf", async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(fc.tuple(hostile, eventName), { minLength: 1, maxLength: 6 }), async (datas) => {
        expect(await outcomes(datas, true)).toEqual(await outcomes(datas, false));
      }),
      { numRuns: 150 },
    );
  });
});
