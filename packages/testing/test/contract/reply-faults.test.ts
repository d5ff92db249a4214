// Time and faults in scripted replies, played by the mock server over a real socket: the case
// list in test/support/scripted-fault-cases.ts, which the in-process fetch plays as well.
import { afterAll, beforeAll } from "vitest";
// The built entry, as a user installs it (its specs are the copies shipped in dist/).
import { type MockServer, startMockServer } from "../../dist/index.js";
import { scriptedFaultCases } from "../support/scripted-fault-cases.ts";

let mock: MockServer;
beforeAll(async () => {
  mock = await startMockServer();
  // The first call pays for the mock server's warm-up; the timing cases must not.
  await fetch(`${mock.url}/serverless/v1/chat/completions`, {
    method: "POST",
    headers: { authorization: "Bearer t", "content-type": "application/json" },
    body: JSON.stringify({ model: "m", messages: [{ role: "user", content: "warm up" }] }),
  });
});
afterAll(() => mock?.stop());

scriptedFaultCases("the mock server", () => mock);
