// The `friendli-mock` command as a shell runs it (the built bin): its flags.
import { spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const BIN = fileURLToPath(new URL("../../bin/friendli-mock.js", import.meta.url));

const started: ReturnType<typeof spawn>[] = [];
afterEach(async () => {
  for (const child of started.splice(0)) {
    if (child.exitCode !== null || child.signalCode !== null) continue;
    child.kill("SIGTERM");
    await once(child, "exit");
  }
});

function run(args: string[]) {
  const child = spawn(process.execPath, [BIN, ...args], { stdio: ["ignore", "pipe", "pipe"] });
  started.push(child);
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const exited = once(child, "exit").then(([code]) => ({ code: code as number | null, stdout, stderr }));
  /** The base URL, once printed. */
  const url = new Promise<string>((resolve, reject) => {
    child.stdout.on("data", () => {
      const found = /^(http:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout)?.[1];
      if (found) resolve(found);
    });
    void exited.then(({ code }) => reject(new Error(`friendli-mock exited with ${code}: ${stderr}`)));
  });
  // A run expected to fail never reads its URL.
  url.catch(() => {});
  return { url, exited };
}

describe("friendli-mock", () => {
  it("--no-state: the management API answers the spec's example for an id never created (with state, a 404)", async () => {
    const base = await run(["--no-state"]).url;
    const res = await fetch(`${base}/dedicated/beta/endpoint/never-made/status`, {
      headers: { authorization: "Bearer test" },
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toHaveProperty("status");
  }, 60_000);

  it("an unknown flag is exit 1 with the usage, before anything starts", async () => {
    const { code, stdout, stderr } = await run(["--nostate"]).exited;
    expect(code).toBe(1);
    expect(stdout).toBe("");
    expect(stderr).toMatch(/--nostate[\s\S]*usage: friendli-mock \[--port <port>\] \[--no-state\]/);
  });
});
