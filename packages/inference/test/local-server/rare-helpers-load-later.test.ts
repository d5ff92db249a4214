// An app that streams a chat (bundled with code splitting, as browser apps are) does not load
// what only `parse` and `runTools` need (a JSON Schema validator, the tool loop) until one
// of them is called.
import { fileURLToPath } from "node:url";
import { splitBundleInputs } from "@friendli-ts/test-kit/split-bundle-inputs";
import { expect, it } from "vitest";

const entry = fileURLToPath(new URL("../../src/index.ts", import.meta.url));
const app = `import { createChat } from ${JSON.stringify(entry)};
const chat = createChat("serverless", { token: "t", baseURL: "http://127.0.0.1:1" });
const stream = await chat.stream({ model: "m", messages: [{ role: "user", content: "Hi" }] });
for await (const text of stream.textDeltas()) console.log(text);`;

it("keeps parse's and runTools' helpers out of what a chat app loads at start, and loads them later", async () => {
  const { atStart, later } = await splitBundleInputs(app, fileURLToPath(new URL(".", import.meta.url)));
  const rare = ["helpers/validate-json-schema.ts", "helpers/run-tools.ts", "helpers/parse-chat-completion.ts"];
  for (const file of rare) {
    expect(atStart.filter((input) => input.endsWith(file))).toEqual([]);
    expect(later.filter((input) => input.endsWith(file))).toHaveLength(1);
  }
  expect(atStart.some((input) => input.endsWith("families/chat.ts"))).toBe(true);
});
