import { beforeAll, expect, it } from "vitest";
import { assertBuilt, runCli } from "../support/run-cli.ts";

beforeAll(assertBuilt);

it("--mock starts its own mock server, chats with it and stops it on exit", async () => {
  const { code, stdout, stderr } = await runCli(["--mock", "chat", "hi"], { timeoutMs: 60_000 });
  expect(stderr).toMatch(/mock Friendli API on http:\/\/127\.0\.0\.1:\d+/);
  expect(code).toBe(0);
  expect(stdout).toMatch(/^[A-Z].*\.\n$/);
  const url = /mock Friendli API on (\S+)/.exec(stderr)![1]!;
  // Stopped when the command ended.
  await expect(fetch(url)).rejects.toThrow();
}, 60_000);
