import { checkReply, type ScriptedReply } from "./check-reply.ts";
import type { RespondOptions } from "./mock-reply-types.ts";
import type { SpecIndex } from "./spec-operations.ts";

/** The scripted replies (`mock.respond`), per operation, in the order given: the same for every way into the mock. */
export class ReplyScript {
  private readonly queues = new Map<string, { reply: ScriptedReply; remaining: number }[]>();
  constructor(private readonly spec: SpecIndex) {}

  add(operationId: string, reply: ScriptedReply, options: RespondOptions = {}): void {
    const op = this.spec.byId.get(operationId);
    if (!op) throw new Error(`mock.respond: no operation "${operationId}" in the spec`);
    const times = options.times ?? 1;
    if (times !== "always" && !(Number.isInteger(times) && times > 0)) {
      throw new Error(`mock.respond: \`times\` must be a positive integer or "always", not ${String(times)}`);
    }
    if (typeof reply !== "object" || reply === null) throw new Error("mock.respond: the reply must be an object");
    checkReply(this.spec, op, reply);
    const queue = this.queues.get(operationId) ?? [];
    // A copy: changing the fixture afterwards cannot bypass the check.
    queue.push({ reply: structuredClone(reply), remaining: times === "always" ? Number.POSITIVE_INFINITY : times });
    this.queues.set(operationId, queue);
  }

  /** The next reply for a call of `operationId`; events only ever answer a request for a stream. */
  take(operationId: string, stream: boolean): ScriptedReply | undefined {
    const queue = this.queues.get(operationId);
    const head = queue?.[0];
    if (!queue || !head || (head.reply.events && !stream)) return undefined;
    head.remaining -= 1;
    if (head.remaining <= 0) queue.shift();
    return head.reply;
  }

  pending(): { operationId: string; remaining: number | "always" }[] {
    return [...this.queues].flatMap(([operationId, queue]) =>
      queue.map((e) => ({ operationId, remaining: e.remaining === Number.POSITIVE_INFINITY ? "always" : e.remaining })),
    );
  }

  clear(): void {
    this.queues.clear();
  }
}
