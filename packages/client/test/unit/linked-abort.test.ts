import { getEventListeners } from "node:events";
import { describe, expect, it } from "vitest";
import { linkedAbort } from "../../src/transport/linked-abort.ts";

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

  it("puts one listener on a caller's signal however many links follow it", () => {
    const caller = new AbortController();
    const links = Array.from({ length: 20 }, () => linkedAbort(caller.signal));
    expect(getEventListeners(caller.signal, "abort")).toHaveLength(1);
    const [gone, ...followed] = links;
    gone?.dispose();
    caller.abort("shutdown");
    expect(gone?.signal.aborted).toBe(false);
    expect(followed.map((link) => link.signal.reason)).toEqual(followed.map(() => "shutdown"));
    expect(getEventListeners(caller.signal, "abort")).toHaveLength(0);
    // A link made after the abort starts aborted.
    expect(linkedAbort(caller.signal).signal.aborted).toBe(true);
  });

  it("a deadline past the timer limit, or 0, means none", async () => {
    for (const ms of [0, 2 ** 31]) {
      const link = linkedAbort(undefined, ms);
      await new Promise((resolve) => setTimeout(resolve, 20));
      expect(link.signal.aborted).toBe(false);
      link.dispose();
    }
  });

  it("links on one timeout length each expire at their own deadline, and leave no timer once none waits", async () => {
    const timers = () => process.getActiveResourcesInfo().filter((kind) => kind === "Timeout").length;
    const first = linkedAbort(undefined, 40);
    await new Promise((resolve) => setTimeout(resolve, 25));
    const second = linkedAbort(undefined, 40);
    const third = linkedAbort(undefined, 40);
    first.dispose(); // ends before its deadline: the later links keep theirs
    third.clearDeadline();
    const started = performance.now();
    await new Promise((resolve) => second.signal.addEventListener("abort", resolve));
    expect(second.timedOut).toBe(true);
    expect(performance.now() - started).toBeGreaterThanOrEqual(30);
    expect([first.signal.aborted, third.signal.aborted]).toEqual([false, false]);

    // Counted without a turn of the loop between, so the test runner's own timers stay as they are.
    const before = timers();
    const waiting = linkedAbort(undefined, 60_000);
    expect(timers()).toBe(before + 1);
    waiting.dispose();
    expect(timers()).toBe(before);
  });
});
