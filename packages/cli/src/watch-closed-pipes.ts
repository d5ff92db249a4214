type StreamName = "stdout" | "stderr";
/** What is watched of a stream: `process.stdout` and `process.stderr`, or stand-ins in tests. */
export type WatchedStream = Pick<NodeJS.WriteStream, "on" | "destroyed">;

const NAMES = ["stdout", "stderr"] as const;
const closed: Record<StreamName, boolean> = { stdout: false, stderr: false };
const onStdoutClosed = new Set<() => void>();
let watched: Record<StreamName, WatchedStream> = process;
let watching = false;

// A write to a pipe whose reader left fails with EPIPE; a later write to the destroyed stream
// with ERR_STREAM_DESTROYED.
const isClosedPipe = (error: NodeJS.ErrnoException) => error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED";

/** Notes that nothing more can be written there; a closed stdout ends the run (the listeners). */
function markClosed(name: StreamName): void {
  if (closed[name]) return;
  closed[name] = true;
  if (name === "stdout") for (const listener of onStdoutClosed) listener();
}

/**
 * Catches the error a write gets once the reader of stdout or stderr went away
 * (`friendli --help | head -1`), so it ends the run quietly instead of crashing with a stack
 * trace. Installed once per process and kept: the error of a write arrives after the write
 * returned, often after the command finished. A stream destroyed some other way (its
 * `close`, or found destroyed before a write) is the same closed pipe: the run ends rather
 * than go on producing output nobody can read.
 */
export function watchClosedPipes(streams: Record<StreamName, WatchedStream> = process): void {
  if (watching) return;
  watching = true;
  watched = streams;
  for (const name of NAMES) {
    streams[name].on("error", (error: NodeJS.ErrnoException) => {
      if (!isClosedPipe(error)) throw error;
      markClosed(name);
    });
    streams[name].on("close", () => markClosed(name));
  }
}

/** Whether the reader of this stream went away: nothing more is written to it. */
export function isClosed(name: StreamName): boolean {
  if (!closed[name] && watched[name].destroyed) markClosed(name);
  return closed[name];
}

/** Calls `listener` when the reader of stdout goes away; returns the function that stops it. */
export function whenStdoutCloses(listener: () => void): () => void {
  onStdoutClosed.add(listener);
  return () => onStdoutClosed.delete(listener);
}
