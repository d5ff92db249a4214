// Waiting for a dedicated endpoint on the mock API: its status goes INITIALIZING, then RUNNING.
//   pnpm exec tsx --conditions=source examples/mock-wait-for-endpoint.ts
import { createFriendliEndpoints } from "@friendli-ts/endpoints";
import { type MockExample, runIfMain } from "./on-mock.ts";

export const main: MockExample<string[]> = async (mock, log = console.log) => {
  const status = (name: "INITIALIZING" | "RUNNING", phase: "DOWNLOADING_MODEL" | "ENGINE_INITIALIZING" | null) => ({
    body: { status: name, phase, createdAt: "2026-01-01T00:00:00Z", updatedAt: "2026-01-01T00:01:00Z" },
  });
  // The first two status polls say INITIALIZING (in two phases), every one after RUNNING.
  mock.respond("dedicatedGetEndpointStatus", status("INITIALIZING", "DOWNLOADING_MODEL"));
  mock.respond("dedicatedGetEndpointStatus", status("INITIALIZING", "ENGINE_INITIALIZING"));
  mock.respond("dedicatedGetEndpointStatus", status("RUNNING", null), { times: "always" });

  const endpoints = createFriendliEndpoints({ baseURL: mock.url, token: "demo-token" });
  const seen: string[] = [];
  const final = await endpoints.waitFor("ep-demo", "RUNNING", {
    intervalMs: 20,
    timeoutMs: 10_000,
    onProgress: (p) => {
      const line = `${p.status}${p.phase ? ` (${p.phase})` : ""} after ${p.polls} poll(s)`;
      seen.push(line);
      log(line);
    },
  });
  log(`ep-demo is ${final.status}`);
  return seen;
};

await runIfMain(import.meta.url, main);
