import { once } from "node:events";
import { readFileSync } from "node:fs";
import { afterEach, beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, type CliRun, startCli } from "../support/run-cli.ts";

beforeAll(assertBuilt);

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

/** The processes `pid` started (Linux's /proc), none when it has gone. */
function childrenOf(pid: number): number[] {
  try {
    return readFileSync(`/proc/${pid}/task/${pid}/children`, "utf8").trim().split(/\s+/).filter(Boolean).map(Number);
  } catch {
    return [];
  }
}

async function until<T>(what: string, boundMs: number, probe: () => T | undefined): Promise<T> {
  const end = Date.now() + boundMs;
  while (Date.now() < end) {
    const found = probe();
    if (found !== undefined) return found;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error(`${what} within ${boundMs} ms`);
}

const runs: { run: CliRun; prism?: number }[] = [];
afterEach(() => {
  for (const { run, prism } of runs.splice(0)) {
    run.child.kill("SIGKILL");
    if (prism !== undefined && alive(prism)) process.kill(prism, "SIGKILL");
  }
});

/** `friendli mock` once it printed its URL, with Prism's pid (its one child). */
async function serving(flags: string[] = []): Promise<{ run: CliRun; url: string; prism: number }> {
  const run = startCli(["mock", ...flags], { timeoutMs: 60_000 });
  const entry: { run: CliRun; prism?: number } = { run };
  runs.push(entry);
  let stdout = "";
  run.child.stdout?.on("data", (d) => {
    stdout += d;
  });
  const url = await until(
    "friendli mock printed no URL",
    45_000,
    () => /^(http:\/\/127\.0\.0\.1:\d+)\n/.exec(stdout)?.[1],
  );
  const prism = childrenOf(run.child.pid as number)[0];
  if (prism === undefined) throw new Error("friendli mock runs no Prism");
  entry.prism = prism;
  return { run, url, prism };
}

describe.runIf(process.platform === "linux")("friendli mock", () => {
  it("serves a curl-style stream request until Ctrl-C, then stops Prism and exits 130; --no-state keeps nothing", async () => {
    const { run, url, prism } = await serving(["--no-state"]);
    const res = await fetch(`${url}/serverless/v1/chat/completions`, {
      method: "POST",
      headers: { authorization: "Bearer any", "content-type": "application/json" },
      body: JSON.stringify({ model: "m", messages: [{ role: "user", content: "hi" }], stream: true }),
    });
    expect(await res.text()).toMatch(/data: \[DONE\]/);
    // Without state an id never created gets the spec's example, not a 404.
    const status = await fetch(`${url}/dedicated/beta/endpoint/never-made/status`, {
      headers: { authorization: "Bearer any" },
    });
    expect(status.status).toBe(200);
    run.child.kill("SIGINT");
    expect((await run.done).code).toBe(130);
    expect(alive(prism)).toBe(false);
  }, 60_000);

  // The same mock as `--mock`: the CLI's own end, by any signal, ends Prism.
  for (const signal of ["SIGTERM", "SIGHUP", "SIGKILL"] as const) {
    it(`${signal} to the CLI leaves no Prism behind`, async () => {
      const { run, prism } = await serving();
      run.child.kill(signal);
      await once(run.child, "exit");
      await until("Prism outlived the CLI", 10_000, () => (alive(prism) ? undefined : true));
      expect(alive(prism)).toBe(false);
    }, 60_000);
  }
});

describe("friendli mock --port", () => {
  // Checked by the parser: no Prism is started, nothing is printed on stdout.
  it.each(["70000", "65536", "0", "1.5", "-1", "port"])("%s is exit 2 before anything starts", async (port) => {
    const result = await startCli(["mock", "--port", port]).done;
    expect(result.stdout).toBe("");
    expect(result.stderr).toMatch(/'-p, --port <port>' argument '.*' is invalid/);
    expect(result.code).toBe(2);
  });
});
