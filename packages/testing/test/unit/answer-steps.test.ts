// The plan of an answer with faults, with no server: what any server (the proxy, or a fetch
// function answering in process) plays.
import { describe, expect, it } from "vitest";
import { answerSteps } from "../../src/mock/faults/answer-steps.ts";

const events = [{ data: { n: 1 } }, { rawData: "x\ny" }, { error: { message: "boom" } }, { data: "[DONE]" }];
const headers = { "content-type": "text/event-stream", "content-length": "99" };

describe("answerSteps", () => {
  it("a stream: the head without a length, each event written, a wait before each when asked, then the end", () => {
    expect(answerSteps({ status: 200, headers, events, faults: { delayMs: 5, eventDelayMs: 2 } })).toEqual([
      { kind: "wait", ms: 5 },
      { kind: "head", status: 200, headers: { "content-type": "text/event-stream" } },
      { kind: "wait", ms: 2 },
      { kind: "write", chunk: 'data: {"n":1}\n\n' },
      { kind: "wait", ms: 2 },
      { kind: "write", chunk: "data: x\ndata: y\n\n" },
      { kind: "wait", ms: 2 },
      { kind: "write", chunk: 'data: {"error":{"message":"boom"}}\n\n' },
      { kind: "wait", ms: 2 },
      { kind: "write", chunk: "data: [DONE]\n\n" },
      { kind: "end" },
    ]);
  });

  it("a stall or a cut after n events replaces the rest, at 0 and after the last event too", () => {
    const kinds = (faults: object) => answerSteps({ status: 200, headers, events, faults }).map((s) => s.kind);
    expect(kinds({ stallAfter: 1 })).toEqual(["head", "write", "stall"]);
    expect(kinds({ cutAfter: 0 })).toEqual(["head", "cut"]);
    expect(kinds({ cutAfter: 4 })).toEqual(["head", "write", "write", "write", "write", "cut"]);
  });

  it("a reset sends nothing, after its delay; a JSON answer is its head, its body and the end", () => {
    expect(answerSteps({ status: 200, headers, faults: { delayMs: 3, reset: true } })).toEqual([
      { kind: "wait", ms: 3 },
      { kind: "reset" },
    ]);
    expect(answerSteps({ status: 429, headers: { a: "b" }, body: "{}", faults: { delayMs: 1 } })).toEqual([
      { kind: "wait", ms: 1 },
      { kind: "head", status: 429, headers: { a: "b" } },
      { kind: "write", chunk: "{}" },
      { kind: "end" },
    ]);
  });
});
