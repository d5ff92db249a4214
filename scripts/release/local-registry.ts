import { type ChildProcess, spawn } from "node:child_process";
import { writeFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { repoRoot } from "../spec/paths.ts";
import { killGroup } from "./run-step.ts";

export interface LocalRegistry {
  /** `http://127.0.0.1:<port>/` */
  url: string;
  /** A user config for npm, pnpm and yarn: this registry for every package, and a token to publish with. */
  npmrc: string;
  /** What Verdaccio printed, for a failure's message. */
  log(): string;
  /** Ends Verdaccio and anything it started; safe to call twice. */
  stop(): Promise<void>;
}

export interface LocalRegistryOptions {
  /** A folder of its own: Verdaccio's configuration, storage and user file go there. */
  dir: string;
  /** Where packages other than `@friendli-ts/*` come from: the npm registry this machine uses. */
  upstream: string;
  verdaccio: string;
  env: NodeJS.ProcessEnv;
  /** Milliseconds to wait for it to answer. */
  timeout?: number;
}

/** Verdaccio 6.10 needs Node 22; on an older Node it runs on Node 24 from the project's helper. */
const ownNodeIsEnough = Number(process.versions.node.split(".")[0]) >= 22;

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const { port } = probe.address() as { port: number };
      probe.close(() => resolve(port));
    });
  });
}

/** The proxy settings of the machine (turbo.json passes them through), for Verdaccio's uplink. */
function proxyLines(env: NodeJS.ProcessEnv): string[] {
  const pick = (name: string) => env[name] ?? env[name.toUpperCase()];
  return [
    ["http_proxy", pick("http_proxy")],
    ["https_proxy", pick("https_proxy")],
    ["no_proxy", pick("no_proxy")],
  ]
    .filter(([, value]) => value)
    .map(([key, value]) => `${key}: ${JSON.stringify(value)}`);
}

/**
 * Starts Verdaccio on 127.0.0.1 on a free port, with its storage in `dir`: `@friendli-ts/*`
 * only from what is published to it (never looked up upstream), every other package through
 * the upstream registry. A user is created so publishing needs a token, as on npm.
 */
export async function startLocalRegistry(options: LocalRegistryOptions): Promise<LocalRegistry> {
  const port = await freePort();
  const url = `http://127.0.0.1:${port}/`;
  const config = join(options.dir, "verdaccio.yaml");
  writeFileSync(
    config,
    [
      `storage: ${JSON.stringify(join(options.dir, "storage"))}`,
      "auth:",
      "  htpasswd:",
      `    file: ${JSON.stringify(join(options.dir, "htpasswd"))}`,
      "uplinks:",
      "  upstream:",
      `    url: ${JSON.stringify(options.upstream)}`,
      "    timeout: 60s",
      "    maxage: 30m",
      "packages:",
      "  '@friendli-ts/*':",
      "    access: $all",
      "    publish: $authenticated",
      "  '**':",
      "    access: $all",
      "    publish: $authenticated",
      "    proxy: upstream",
      "web:",
      "  enable: false",
      "max_body_size: 200mb",
      "log: { type: stdout, format: pretty, level: warn }",
      ...proxyLines(options.env),
      "",
    ].join("\n"),
  );
  const args = [options.verdaccio, "--config", config, "--listen", `127.0.0.1:${port}`];
  const [command, commandArgs] = ownNodeIsEnough
    ? [process.execPath, args]
    : [process.execPath, [join(repoRoot, "scripts/ci/on-node.mjs"), "24", "node", ...args]];
  const child: ChildProcess = spawn(command, commandArgs, {
    cwd: options.dir,
    env: options.env,
    detached: true,
    stdio: ["ignore", "pipe", "pipe"],
  });
  let output = "";
  child.stdout?.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
  });
  child.stderr?.setEncoding("utf8").on("data", (chunk: string) => {
    output += chunk;
  });
  const exited = new Promise<void>((resolve) => child.once("close", () => resolve()));
  let stopped = false;
  const stop = async () => {
    if (stopped) return;
    stopped = true;
    killGroup(child, "SIGTERM");
    const forced = setTimeout(() => killGroup(child, "SIGKILL"), 5_000);
    await exited;
    clearTimeout(forced);
    killGroup(child, "SIGKILL");
  };

  try {
    const deadline = Date.now() + (options.timeout ?? 30_000);
    for (;;) {
      if (child.exitCode !== null || child.signalCode !== null) throw new Error("it exited");
      const ready = await fetch(new URL("-/ping", url)).then(
        (response) => response.ok,
        () => false,
      );
      if (ready) break;
      if (Date.now() > deadline) throw new Error(`it did not answer within ${(options.timeout ?? 30_000) / 1000} s`);
      await new Promise((resolve) => setTimeout(resolve, 200));
    }
    const user = "release";
    const response = await fetch(new URL(`-/user/org.couchdb.user:${user}`, url), {
      method: "PUT",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({ name: user, password: "release-password" }),
    });
    const { token } = (await response.json()) as { token?: string };
    if (!response.ok || !token) throw new Error(`creating a user answered ${response.status}`);
    const npmrc = join(options.dir, "npmrc");
    const hostPath = url.replace(/^http:/, "");
    writeFileSync(npmrc, `registry=${url}\n${hostPath}:_authToken=${token}\n`);
    return { url, npmrc, log: () => output, stop };
  } catch (error) {
    await stop();
    throw new Error(
      `Verdaccio (${command} ${commandArgs.join(" ")}) failed to start: ${(error as Error).message}\n${output}`,
    );
  }
}
