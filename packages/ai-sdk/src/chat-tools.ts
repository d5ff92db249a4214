import {
  InvalidArgumentError,
  type LanguageModelV4CallOptions,
  type LanguageModelV4ToolChoice,
  type SharedV4Warning,
} from "@ai-sdk/provider";
import type { Deployment } from "./deployment.ts";
import { BUILT_IN_TOOL_TYPES, TOOL_ID_PREFIX } from "./friendli-tools.ts";

const BUILT_IN = new Set<string>(BUILT_IN_TOOL_TYPES);

/** The tools of one chat request, and the built-in ones by their type, each with the user's name for it. */
export interface ChatTools {
  fields: { tools?: unknown[]; tool_choice?: unknown };
  /** Built-in tool type (`web:search`) -> the key the user gave it in `tools`. Empty: plain chat. */
  builtIn: Map<string, string>;
}

/**
 * The AI SDK's tools as Friendli's: function tools, and Friendli's built-in tools where
 * tool-assisted chat runs them (serverless). Any other provider tool, or a built-in tool
 * elsewhere, is left out with a warning.
 */
export function chatTools(
  options: LanguageModelV4CallOptions,
  deployment: Deployment,
  warnings: SharedV4Warning[],
): ChatTools {
  const tools: unknown[] = [];
  const builtIn = new Map<string, string>();
  for (const tool of options.tools ?? []) {
    if (tool.type === "function") {
      tools.push({
        type: "function",
        function: {
          name: tool.name,
          ...(tool.description ? { description: tool.description } : {}),
          parameters: tool.inputSchema,
          ...(tool.strict !== undefined ? { strict: tool.strict } : {}),
        },
      });
      continue;
    }
    const type = tool.id.startsWith(TOOL_ID_PREFIX) ? tool.id.slice(TOOL_ID_PREFIX.length) : undefined;
    if (type === undefined || !BUILT_IN.has(type)) {
      warnings.push({ type: "unsupported", feature: `provider tool ${tool.id}`, details: "not a Friendli tool" });
      continue;
    }
    if (deployment !== "serverless") {
      warnings.push({
        type: "unsupported",
        feature: `provider tool ${tool.id}`,
        details: `Friendli runs its built-in tools on serverless only (tool-assisted chat), not on ${deployment}`,
      });
      continue;
    }
    if (builtIn.has(type)) {
      throw new InvalidArgumentError({ argument: "tools", message: `${tool.id} is given twice; give it once` });
    }
    builtIn.set(type, tool.name);
    tools.push(type === "file:text" ? { type, files: fileIds(tool.args) } : { type });
  }
  if (tools.length === 0) return { fields: {}, builtIn };
  return { fields: { tools, tool_choice: toolChoice(options.toolChoice, builtIn, warnings) }, builtIn };
}

function fileIds(args: Record<string, unknown>): string[] {
  const files = args.files;
  if (!Array.isArray(files) || files.length === 0 || !files.every((f) => typeof f === "string" && f !== "")) {
    throw new InvalidArgumentError({
      argument: "tools",
      message: "friendli.tools.fileText needs `files`: a list of Friendli file ids (the API reads one)",
    });
  }
  return files;
}

function toolChoice(
  choice: LanguageModelV4ToolChoice | undefined,
  builtIn: Map<string, string>,
  warnings: SharedV4Warning[],
): unknown {
  if (!choice) return undefined;
  if (choice.type !== "tool") return choice.type;
  for (const name of builtIn.values()) {
    if (name === choice.toolName) {
      // The API's tool_choice names a function; a built-in tool cannot be forced.
      warnings.push({
        type: "unsupported",
        feature: `toolChoice ${choice.toolName}`,
        details: "a built-in tool cannot be forced; the model chooses (tool_choice: required)",
      });
      return "required";
    }
  }
  return { type: "function", function: { name: choice.toolName } };
}
