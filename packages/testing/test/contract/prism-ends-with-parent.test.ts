import { type ChildProcess, spawn } from "node:child_process";
import { once } from "node:events";
import { fileURLToPath } from "node:url";
import { afterEach, describe, expect, it } from "vitest";

const fixture = fileURLToPath(new URL("../support/start-mock-and-wait.mjs", import.meta.url));

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** Polls until `pid` is gone, up to `boundMs`; true when it went. */
async function goneWithin(pid: number, boundMs: number): Promise<boolean> {
  const until = Date.now() + boundMs;
  while (Date.now() < until) {
    if (!alive(pid)) return true;
    await new Promise((r) => setTimeout(r, 50));
  }
  return !alive(pid);
}

const started: { parent: ChildProcess; prism?: number }[] = [];
afterEach(() => {
  // Whatever the test found, nothing it started stays.
  for (const { parent, prism } of started.splice(0)) {
    if (parent.exitCode === null && parent.signalCode === null) parent.kill("SIGKILL");
    if (prism !== undefined && alive(prism)) process.kill(prism, "SIGKILL");
  }
});

/** A node process that started the mock; resolves once it printed its URL and Prism's pid. */
async function startParent(): Promise<{ parent: ChildProcess; url: string; pid: number }> {
  const parent = spawn(process.execPath, [fixture], { stdio: ["ignore", "pipe", "inherit"] });
  const entry: { parent: ChildProcess; prism?: number } = { parent };
  started.push(entry);
  let out = "";
  parent.stdout?.setEncoding("utf8");
  while (!out.includes("\n")) {
    const [chunk] = (await Promise.race([once(parent.stdout!, "data"), once(parent, "exit")])) as [unknown];
    if (typeof chunk !== "string") throw new Error(`the parent exited before starting the mock: ${out}`);
    out += chunk;
  }
  const { url, pid } = JSON.parse(out.split("\n")[0] ?? "") as { url: string; pid: number };
  entry.prism = pid;
  return { parent, url, pid };
}

describe("Prism never outlives the process that started it", () => {
  for (const signal of ["SIGKILL", "SIGTERM", "SIGHUP", "SIGINT"] as const) {
    it(`${signal} to the parent ends Prism too`, async () => {
      const { parent, url, pid } = await startParent();
      expect(alive(pid)).toBe(true);
      expect((await fetch(`${url}/serverless/v1/tokenize`)).status).toBeGreaterThan(0);
      parent.kill(signal);
      await once(parent, "exit");
      expect(await goneWithin(pid, 10_000)).toBe(true);
    }, 60_000);
  }
});
