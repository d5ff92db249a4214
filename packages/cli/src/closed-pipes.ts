type StreamName = "stdout" | "stderr";

const closed: Record<StreamName, boolean> = { stdout: false, stderr: false };
const onStdoutClosed = new Set<() => void>();
let watching = false;

// A write to a pipe whose reader left fails with EPIPE; a later write to the destroyed stream
// with ERR_STREAM_DESTROYED.
const isClosedPipe = (error: NodeJS.ErrnoException) => error.code === "EPIPE" || error.code === "ERR_STREAM_DESTROYED";

/**
 * Catches the error a write gets once the reader of stdout or stderr went away
 * (`friendli --help | head -1`), so it ends the run quietly instead of crashing with a stack
 * trace. Installed once per process and kept: the error of a write arrives after the write
 * returned, often after the command finished.
 */
export function watchClosedPipes(): void {
  if (watching) return;
  watching = true;
  for (const name of ["stdout", "stderr"] as const) {
    process[name].on("error", (error: NodeJS.ErrnoException) => {
      if (!isClosedPipe(error)) throw error;
      if (closed[name]) return;
      closed[name] = true;
      if (name === "stdout") for (const listener of onStdoutClosed) listener();
    });
  }
}

/** Whether the reader of this stream went away: nothing more is written to it. */
export function isClosed(name: StreamName): boolean {
  return closed[name] || process[name].destroyed;
}

/** Calls `listener` when the reader of stdout goes away; returns the function that stops it. */
export function whenStdoutCloses(listener: () => void): () => void {
  onStdoutClosed.add(listener);
  return () => onStdoutClosed.delete(listener);
}
