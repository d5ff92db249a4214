import { escapeTerminalText } from "./escape-terminal-text.ts";

const FRAMES = ["⠋", "⠙", "⠹", "⠸", "⠼", "⠴", "⠦", "⠧", "⠇", "⠏"];

export interface StatusLine {
  /** The current status text; on a terminal it is redrawn in place, else printed once per change. */
  update(text: string): void;
  /** Clears the live line (a terminal) so the final output starts on a clean line. */
  stop(): void;
}

/**
 * A live status line on stderr: a spinner, the text and the elapsed time, redrawn in place on
 * a terminal. Anywhere else (a pipe, a log file) each new text is one plain line. The text
 * holds server values (a status, a phase): it is escaped to one line of visible text.
 */
export function createStatusLine(stream: NodeJS.WriteStream = process.stderr): StatusLine {
  const started = Date.now();
  let text = "";
  if (!stream.isTTY) {
    return {
      update(given) {
        const next = escapeTerminalText(given);
        if (next === text) return;
        text = next;
        stream.write(`${next}\n`);
      },
      stop() {},
    };
  }
  let frame = 0;
  const draw = () => {
    const elapsed = Math.round((Date.now() - started) / 1000);
    stream.write(`\r\x1b[2K${FRAMES[frame++ % FRAMES.length]} ${text} (${elapsed}s)`);
  };
  const timer = setInterval(draw, 100);
  timer.unref();
  return {
    update(given) {
      text = escapeTerminalText(given);
      draw();
    },
    stop() {
      clearInterval(timer);
      stream.write("\r\x1b[2K");
    },
  };
}
