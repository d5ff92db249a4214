import type { ServerResponse } from "node:http";
import type { AnswerStep } from "./answer-steps.ts";

/**
 * Plays an answer's steps on a node:http response. Stops at once when the client leaves (or
 * the server stops and destroys the socket): no timer outlives the connection.
 */
export async function playStepsOnNode(res: ServerResponse, steps: AnswerStep[]): Promise<void> {
  let gone = false;
  let wake: (() => void) | undefined;
  const onClose = () => {
    gone = true;
    wake?.();
  };
  res.once("close", onClose);
  const pause = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });
  try {
    for (const step of steps) {
      if (gone) return;
      switch (step.kind) {
        case "wait":
          await pause(step.ms);
          break;
        case "reset":
          // A TCP reset where the platform can send one, else a plain close.
          if (res.socket && typeof res.socket.resetAndDestroy === "function") res.socket.resetAndDestroy();
          else res.socket?.destroy();
          return;
        case "head":
          res.writeHead(step.status, step.headers);
          res.flushHeaders();
          break;
        case "write":
          // Waits until the bytes are handed to the socket, so a cut after them keeps them.
          await new Promise<void>((resolve) => res.write(step.chunk, () => resolve()));
          break;
        case "stall":
          await new Promise<void>((resolve) => {
            wake = resolve;
          });
          return;
        case "cut":
          res.socket?.destroy();
          return;
        case "end":
          res.end();
          return;
      }
    }
  } finally {
    res.off("close", onClose);
  }
}
