import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { ServerReady } from "../server.ts";
import type { MeasuredGroup } from "./compare-cases.ts";

/** Parent to child: run the case `key` of `group` once. */
export interface RunRequest {
  group: MeasuredGroup;
  key: string;
  /** Calls per run of the request and in-memory call cases. */
  calls: number;
}

/**
 * Child to parent: the case's measure (ms, req/s, µs) and the CPU time the child spent in
 * that run (ms, every thread of it), or why the case cannot run on this build.
 */
export type RunReply = { value: number; cpuMs: number } | { failure: string };

/** The bench server the parent started, as the child's cases need it. */
export type ServerInfo = Omit<ServerReady, "type"> & { url: string };

export interface TreeProcess {
  run(request: RunRequest): Promise<RunReply>;
  close(): void;
}

const childFile = fileURLToPath(new URL("./run-tree.ts", import.meta.url));
const hooksFile = fileURLToPath(new URL("./use-sdk-build.ts", import.meta.url));
const children = new Set<ChildProcess>();
process.on("exit", () => {
  for (const child of children) child.kill();
});

/**
 * One long-lived child per build, so each keeps its warm JIT and connections between runs;
 * the parent asks one at a time, so they never measure at once. Its stdout goes to stderr.
 */
export function startTreeProcess(buildRoot: string, server: ServerInfo): TreeProcess {
  const child = fork(childFile, [], {
    execArgv: ["--expose-gc", "--import", "tsx", "--import", hooksFile],
    env: { ...process.env, FRIENDLI_BENCH_BUILD: buildRoot, FRIENDLI_BENCH_SERVER: JSON.stringify(server) },
    stdio: ["ignore", 2, 2, "ipc"],
  });
  children.add(child);
  child.once("exit", () => children.delete(child));

  return {
    run: (request) =>
      new Promise((resolve, reject) => {
        const onExit = (code: number | null) =>
          reject(new Error(`bench:compare: the child for ${buildRoot} exited (code ${code})`));
        child.once("exit", onExit);
        child.once("message", (reply: RunReply) => {
          child.off("exit", onExit);
          resolve(reply);
        });
        child.send(request);
      }),
    close: () => {
      child.disconnect();
    },
  };
}
