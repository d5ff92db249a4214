import type { IncomingMessage, ServerResponse } from "node:http";
import type { Writable } from "node:stream";

/**
 * Writes `piece` again and again (waiting for drain) until the client goes away: a body that
 * never ends, for tests of caps. Resolves once the connection is closed.
 */
export async function writeForever(out: ServerResponse | Writable, piece: string | Uint8Array): Promise<void> {
  while (!out.destroyed && !out.writableEnded) {
    if (!out.write(piece)) {
      // Whichever comes first removes the other: a long body waits for many drains.
      await new Promise<void>((resolve) => {
        const done = () => {
          out.off("drain", done);
          out.off("close", done);
          resolve();
        };
        out.once("drain", done);
        out.once("close", done);
      });
    }
  }
}

/** Resolves when the client closes the socket of `req` (it cancelled the body or gave up). */
export function socketClosed(req: IncomingMessage): Promise<void> {
  return new Promise((resolve) => {
    if (req.socket.destroyed) resolve();
    else req.socket.once("close", () => resolve());
  });
}
