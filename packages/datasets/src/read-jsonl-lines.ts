export interface JsonlLine {
  text: string;
  /** 1-based line number in the file. */
  line: number;
}

/**
 * Splits a byte stream into its non-blank lines, holding at most one partial line in
 * memory, so a file of any size streams through. `onBytes` reports bytes read so far.
 */
export async function* readJsonlLines(
  stream: ReadableStream<Uint8Array>,
  onBytes?: (bytesRead: number) => void,
): AsyncGenerator<JsonlLine> {
  const reader = stream.getReader();
  const decoder = new TextDecoder();
  let pending = "";
  let line = 0;
  let bytesRead = 0;
  try {
    for (;;) {
      const { done, value } = await reader.read();
      if (done) break;
      bytesRead += value.byteLength;
      onBytes?.(bytesRead);
      pending += decoder.decode(value, { stream: true });
      let newline = pending.indexOf("\n");
      let start = 0;
      while (newline >= 0) {
        line++;
        const text = pending.slice(start, newline).trim();
        if (text) yield { text, line };
        start = newline + 1;
        newline = pending.indexOf("\n", start);
      }
      pending = pending.slice(start);
    }
    pending += decoder.decode();
    const last = pending.trim();
    if (last) yield { text: last, line: line + 1 };
  } finally {
    // Stopping early (an error, a `break`) releases the file or the HTTP body.
    await reader.cancel().catch(() => {});
  }
}
