import { type ChildProcess, fork } from "node:child_process";
import { fileURLToPath } from "node:url";
import type { ServerReady } from "./server.ts";

export interface BenchServer extends Omit<ServerReady, "type"> {
  url: string;
  /** Closes the server and waits for its process to exit (kills it after 3 s). */
  close(): Promise<void>;
}

const serverFile = fileURLToPath(new URL("./server.ts", import.meta.url));
const children = new Set<ChildProcess>();

// A crash or Ctrl-C of the bench still takes its server down (the server also exits when
// the IPC channel to this process closes).
process.on("exit", () => {
  for (const child of children) child.kill();
});

/** Starts `server.ts` in a child process on a free 127.0.0.1 port. */
export function startServer(): Promise<BenchServer> {
  const child = fork(serverFile, [], { execArgv: ["--import", "tsx"], stdio: ["ignore", "inherit", "inherit", "ipc"] });
  children.add(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  exited.then(() => children.delete(child));

  const close = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    if (child.connected) child.send("close");
    const timer = setTimeout(() => child.kill("SIGKILL"), 3_000);
    await exited;
    clearTimeout(timer);
  };

  return new Promise((resolve, reject) => {
    const fail = (error: Error) => {
      void close();
      reject(error);
    };
    child.once("error", fail);
    child.once("exit", (code) => reject(new Error(`bench server exited early (code ${code})`)));
    child.once("message", (message: ServerReady) => {
      if (message?.type !== "ready") return fail(new Error(`unexpected message from the bench server: ${message}`));
      const { type: _, ...info } = message;
      resolve({ ...info, url: `http://127.0.0.1:${message.port}`, close });
    });
  });
}
