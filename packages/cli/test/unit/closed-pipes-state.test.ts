import { Writable } from "node:stream";
import { beforeEach, describe, expect, it, vi } from "vitest";

// The module keeps its state per process: each test loads a fresh copy over stand-in streams.
type ClosedPipes = typeof import("../../src/watch-closed-pipes.ts");
let pipes: ClosedPipes;
let stdout: Writable;
let stderr: Writable;
const sink = () => new Writable({ write: (_chunk, _encoding, done) => done() });

beforeEach(async () => {
  vi.resetModules();
  pipes = await import("../../src/watch-closed-pipes.ts");
  stdout = sink();
  stderr = sink();
  pipes.watchClosedPipes({ stdout, stderr } as never);
});

const failure = (code: string) => Object.assign(new Error(code), { code });

describe("closed pipes", () => {
  it("a stdout found destroyed before a write counts as closed, and ends the run once", () => {
    const ended = vi.fn();
    pipes.whenStdoutCloses(ended);
    expect(pipes.isClosed("stdout")).toBe(false);
    // Destroyed with no event seen (as when nothing was being written).
    Object.defineProperty(stdout, "destroyed", { value: true });
    expect(pipes.isClosed("stdout")).toBe(true);
    expect(pipes.isClosed("stdout")).toBe(true);
    expect(ended).toHaveBeenCalledTimes(1);
    expect(pipes.isClosed("stderr")).toBe(false);
  });

  it("a stdout destroyed (its close) ends the run without waiting for a write", async () => {
    const ended = vi.fn();
    pipes.whenStdoutCloses(ended);
    stdout.destroy();
    await new Promise((resolve) => stdout.once("close", resolve));
    expect(ended).toHaveBeenCalledTimes(1);
    expect(pipes.isClosed("stdout")).toBe(true);
  });

  it("EPIPE and ERR_STREAM_DESTROYED close the stream; any other write error is thrown", () => {
    const ended = vi.fn();
    pipes.whenStdoutCloses(ended);
    stderr.emit("error", failure("ERR_STREAM_DESTROYED"));
    expect(pipes.isClosed("stderr")).toBe(true);
    expect(ended).not.toHaveBeenCalled();
    stdout.emit("error", failure("EPIPE"));
    expect(pipes.isClosed("stdout")).toBe(true);
    expect(ended).toHaveBeenCalledTimes(1);
    expect(() => stdout.emit("error", failure("ENOSPC"))).toThrow("ENOSPC");
  });

  it("a listener stopped is not called", () => {
    const ended = vi.fn();
    pipes.whenStdoutCloses(ended)();
    stdout.emit("error", failure("EPIPE"));
    expect(ended).not.toHaveBeenCalled();
  });
});
