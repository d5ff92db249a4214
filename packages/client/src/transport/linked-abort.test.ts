import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { linkedAbort } from "./linked-abort.ts";

describe("linkedAbort", () => {
  it("follows the caller, tells a deadline from the caller, and leaves no listener once disposed", async () => {
    const caller = new AbortController();
    const followed = linkedAbort(caller.signal);
    caller.abort("stop");
    expect(followed.signal.aborted).toBe(true);
    expect(followed.signal.reason).toBe("stop");
    expect(followed.timedOut).toBe(false);

    const deadline = linkedAbort(undefined, 10);
    await new Promise((resolve) => deadline.signal.addEventListener("abort", resolve));
    expect(deadline.timedOut).toBe(true);

    const reused = new AbortController();
    for (let i = 0; i < 20; i++) linkedAbort(reused.signal, 60_000).dispose();
    expect(getEventListeners(reused.signal, "abort")).toHaveLength(0);
  });

  it("a deadline past the timer limit, or 0, means none", async () => {
    for (const ms of [0, 2 ** 31]) {
      const link = linkedAbort(undefined, ms);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(link.signal.aborted).toBe(false);
      link.dispose();
    }
  });
});
