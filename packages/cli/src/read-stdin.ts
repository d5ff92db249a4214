/** Everything piped on stdin, as UTF-8 text; stops early (with what it has) if `signal` aborts. */
export async function readStdin(signal: AbortSignal): Promise<string> {
  const chunks: Buffer[] = [];
  const stdin = process.stdin;
  const done = new Promise<void>((resolve, reject) => {
    stdin.on("data", (chunk: Buffer) => chunks.push(chunk));
    stdin.once("end", resolve);
    stdin.once("error", reject);
    signal.addEventListener("abort", () => resolve(), { once: true });
  });
  try {
    await done;
  } finally {
    stdin.removeAllListeners("data");
    // An interrupted read must not keep the process alive.
    if (!stdin.readableEnded) stdin.destroy();
  }
  return Buffer.concat(chunks).toString("utf8");
}
