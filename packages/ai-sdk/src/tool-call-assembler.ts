import type { LanguageModelV4StreamPart } from "@ai-sdk/provider";
import { generateId } from "@ai-sdk/provider-utils";
import { FriendliError } from "@friendli-ts/inference";

/** One tool call delta as a stream sends it; every field may be missing or odd. */
export interface ToolCallDelta {
  index?: unknown;
  id?: unknown;
  function?: { name?: unknown; arguments?: unknown } | null;
}

interface OpenCall {
  id: string;
  name: string;
  input: string;
  started: boolean;
}

/** The most a stream may add to one call's arguments; past it the stream is refused. */
const MAX_TOOL_ARGUMENTS_CHARS = 4 * 1024 * 1024;

/**
 * Builds tool calls from streamed deltas. Deltas are keyed by `index`; one without an index
 * continues the last call, unless it carries a new id. An id may be missing (one is made),
 * repeated on every delta (kept once), or a number (made a string). Indexes may skip.
 */
export class ToolCallAssembler {
  private readonly calls = new Map<string, OpenCall>();
  // Each call's key by its id, so a delta that names its call by id alone is found at once
  // (a scan of the calls per delta is quadratic in a stream of thousands of calls).
  private readonly keysById = new Map<string, string>();
  private lastKey: string | undefined;

  /**
   * Adds the stream parts of one delta to `parts` (pushed one by one: a delta's parts are
   * few, but no network-sized list is spread into a call): the start of a call once its
   * name is known, then argument text.
   */
  add(delta: ToolCallDelta, parts: LanguageModelV4StreamPart[]): void {
    const key = this.keyOf(delta);
    let call = this.calls.get(key);
    const id = idText(delta.id);
    if (!call) {
      call = { id: this.uniqueId(id), name: "", input: "", started: false };
      this.calls.set(key, call);
      this.keysById.set(call.id, key);
    }
    this.lastKey = key;
    const name = delta.function?.name;
    if (typeof name === "string" && name !== "" && !call.started) call.name += name;
    const text = argumentsText(delta.function?.arguments);
    if (text === undefined) {
      throw new FriendliError(`tool call ${call.id}: its arguments are nested too deeply to be written as JSON`);
    }
    if (!call.started && call.name !== "") {
      call.started = true;
      parts.push({ type: "tool-input-start", id: call.id, toolName: call.name });
      if (call.input !== "") parts.push({ type: "tool-input-delta", id: call.id, delta: call.input });
    }
    if (text !== "") {
      if (call.input.length + text.length > MAX_TOOL_ARGUMENTS_CHARS) {
        throw new FriendliError(`tool call ${call.id}: its arguments passed ${MAX_TOOL_ARGUMENTS_CHARS} characters`);
      }
      call.input += text;
      if (call.started) parts.push({ type: "tool-input-delta", id: call.id, delta: text });
    }
  }

  /**
   * Adds the end of every call with a name to `parts`: `tool-input-end`, then the whole
   * `tool-call`. Returns how many calls it ended.
   */
  finish(parts: LanguageModelV4StreamPart[]): number {
    let ended = 0;
    for (const call of this.calls.values()) {
      if (!call.started) continue;
      ended++;
      const input = call.input.trim() === "" ? "{}" : call.input;
      parts.push({ type: "tool-input-end", id: call.id });
      parts.push({ type: "tool-call", toolCallId: call.id, toolName: call.name, input });
    }
    this.calls.clear();
    this.keysById.clear();
    return ended;
  }

  private keyOf(delta: ToolCallDelta): string {
    if (typeof delta.index === "number" && Number.isInteger(delta.index)) return `i${delta.index}`;
    const id = idText(delta.id);
    if (id !== undefined) {
      const existing = this.keysById.get(id);
      if (existing !== undefined) return existing;
      if (this.lastKey !== undefined && this.calls.get(this.lastKey)?.id !== id) return `id${id}`;
    }
    return this.lastKey ?? "i0";
  }

  private uniqueId(id: string | undefined): string {
    return id === undefined || this.keysById.has(id) ? generateId() : id;
  }
}

/**
 * A tool call's arguments as JSON text: as sent, or written out when the server sent an
 * object; empty when there are none; undefined when an object is nested too deeply to write.
 */
export function argumentsText(args: unknown): string | undefined {
  if (typeof args === "string") return args;
  if (args === null || typeof args !== "object") return "";
  try {
    return JSON.stringify(args);
  } catch {
    return undefined;
  }
}

function idText(id: unknown): string | undefined {
  if (typeof id === "string" && id !== "") return id;
  if (typeof id === "number" && Number.isFinite(id)) return String(id);
  return undefined;
}
