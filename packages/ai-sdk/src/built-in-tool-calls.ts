import type { LanguageModelV4StreamPart } from "@ai-sdk/provider";
import { generateId } from "@ai-sdk/provider-utils";
import { redact } from "@friendli-ts/client/internal";
import { FriendliError } from "@friendli-ts/inference";
import type { ToolStatus } from "./answer-shapes.ts";
import { argumentsText } from "./tool-call-assembler.ts";

/** The most built-in tool runs one answer may report; past it the stream is refused. */
export const MAX_BUILT_IN_CALLS = 1024;

interface Run {
  toolName: string;
  ended: boolean;
}

/**
 * Turns tool-assisted chat's `tool_status` updates into the AI SDK's provider-executed tool
 * parts: a `tool-call` when a run is first seen, one `tool-result` when it ends or fails.
 * A run reported without its start, twice, or without an id still gives one call and at
 * most one result. The tool's name is the user's key for it in `tools`; a tool the request
 * did not give is reported as a dynamic tool. What the server says is redacted.
 */
export class BuiltInToolCalls {
  private readonly runs = new Map<string, Run>();
  private readonly lastIdByType = new Map<string, string>();

  constructor(
    /** Built-in tool type -> the user's name for it. */
    private readonly names: Map<string, string>,
    private readonly secret: string | null,
  ) {}

  add(status: ToolStatus, parts: LanguageModelV4StreamPart[]): void {
    const type = typeof status.name === "string" ? status.name : "";
    const id = this.idOf(status.tool_call_id, type);
    let run = this.runs.get(id);
    if (!run) {
      if (this.runs.size >= MAX_BUILT_IN_CALLS) {
        throw new FriendliError(`the answer reported more than ${MAX_BUILT_IN_CALLS} built-in tool runs`);
      }
      const userName = this.names.get(type);
      run = { toolName: userName ?? redact(type || "unknown", this.secret), ended: false };
      this.runs.set(id, run);
      this.lastIdByType.set(type, id);
      parts.push({
        type: "tool-call",
        toolCallId: id,
        toolName: run.toolName,
        input: this.inputText(status.parameters),
        providerExecuted: true,
        ...(userName === undefined ? { dynamic: true } : {}),
      });
    }
    if (run.ended || (status.status !== "ENDED" && status.status !== "ERRORED")) return;
    run.ended = true;
    const failed = status.status === "ERRORED";
    const text = failed
      ? (stringOr(status.error?.msg) ?? stringOr(status.message) ?? "the tool failed")
      : (argumentsText(status.result) ?? "");
    parts.push({
      type: "tool-result",
      toolCallId: id,
      toolName: run.toolName,
      result: redact(text, this.secret),
      ...(failed ? { isError: true } : {}),
      ...(this.names.has(type) ? {} : { dynamic: true }),
    });
  }

  /** The run's id as sent; without one, the last run of the same tool, or a new id. */
  private idOf(sent: unknown, type: string): string {
    if (typeof sent === "string" && sent !== "") return redact(sent, this.secret);
    if (typeof sent === "number" && Number.isFinite(sent)) return String(sent);
    const last = this.lastIdByType.get(type);
    if (last !== undefined && this.runs.get(last)?.ended === false) return last;
    return generateId();
  }

  private inputText(parameters: ToolStatus["parameters"]): string {
    const input: Record<string, unknown> = {};
    for (const parameter of parameters ?? []) {
      if (typeof parameter.name === "string") {
        Object.defineProperty(input, parameter.name, { value: parameter.value ?? null, enumerable: true });
      }
    }
    return redact(argumentsText(input) ?? "{}", this.secret);
  }
}

function stringOr(value: unknown): string | undefined {
  return typeof value === "string" && value !== "" ? value : undefined;
}
