// What the in-process mock must do wherever it runs (a browser page, a worker): a streamed
// chat, a cut stream and a refused request, with no network. The scenario is source text, as
// the page or worker runs it; both runtime tests insert it and check its result here.
import { expect } from "vitest";

/**
 * Source of `async function runScenario({ createMockFetch, createFriendliClient }, mockOptions)`:
 * runs the scenario against `createMockFetch(mockOptions)` and returns what it saw.
 */
export const inProcessScenario = `
async function runScenario({ createMockFetch, createFriendliClient }, mockOptions) {
  const mock = createMockFetch(mockOptions);
  const client = createFriendliClient({ baseURL: mock.url, token: "runtime-token", fetch: mock.fetch, maxRetries: 0 });
  const body = { model: "m", messages: [{ role: "user", content: "hi" }] };
  let text = "";
  for await (const { data } of await client.stream("/serverless/v1/chat/completions#stream", { body })) {
    text += data.choices[0]?.delta.content ?? "";
  }
  const piece = (content) => ({ data: { id: "c", object: "chat.completion.chunk", created: 1, model: "m",
    choices: [{ index: 0, delta: { content }, finish_reason: null }] } });
  mock.respond("serverlessChatStream", { events: [piece("a"), piece("b"), { data: "[DONE]" }], cutAfter: 1 });
  let cutText = "";
  let cut = "";
  try {
    for await (const { data } of await client.stream("/serverless/v1/chat/completions#stream", { body })) {
      cutText += data.choices[0]?.delta.content ?? "";
    }
  } catch (error) { cut = error.name; }
  const refused = await client.POST("/serverless/v1/chat/completions", { body: { model: "m" } }).catch((e) => e);
  return { text, cutText, cut, refused: refused.name, rule: refused.issues?.[0]?.rule, calls: mock.calls.length };
}
`;

/** The scenario's result: the streamed text is prose, the cut is seen after one piece, the refusal names its rule. */
export function expectScenarioResult(result: Record<string, unknown>): void {
  expect(String(result.text).split(" ").length).toBeGreaterThan(5);
  expect(result).toMatchObject({ cutText: "a", cut: "StreamInterruptedError", refused: "ValidationError", calls: 3 });
  expect(result.rule).toMatch(/^#\/components\/schemas\/ServerlessChatCompletionBody/);
}
