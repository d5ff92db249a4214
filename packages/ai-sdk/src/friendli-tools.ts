import { createProviderExecutedToolFactory, type ProviderExecutedTool } from "@ai-sdk/provider-utils";
import { z } from "zod";

/** Friendli's built-in tools, by the type tool-assisted chat knows them as. */
export const BUILT_IN_TOOL_TYPES = [
  "web:search",
  "web:url",
  "math:calculator",
  "math:statistics",
  "math:calendar",
  "code:python-interpreter",
  "linkup:search",
  "file:text",
] as const;
export type BuiltInToolType = (typeof BUILT_IN_TOOL_TYPES)[number];

/** The id prefix of this provider's tools: `friendli.web:search`, ... */
export const TOOL_ID_PREFIX = "friendli.";

/** A built-in tool as the AI SDK holds it: Friendli runs it; its input is what the model chose, its output the tool's text. */
export type FriendliBuiltInTool = ProviderExecutedTool<Record<string, unknown>, string>;

// The parameters Friendli reports for a run are its own; the output is the tool's text.
const inputSchema = z.record(z.string(), z.unknown());
const outputSchema = z.string();

function builtIn<Args extends object = Record<string, never>>(type: BuiltInToolType) {
  return createProviderExecutedToolFactory<Record<string, unknown>, string, Args>({
    id: `${TOOL_ID_PREFIX}${type}`,
    inputSchema,
    outputSchema,
  });
}

const webSearch = builtIn("web:search");
const webUrl = builtIn("web:url");
const mathCalculator = builtIn("math:calculator");
const mathStatistics = builtIn("math:statistics");
const mathCalendar = builtIn("math:calendar");
const codePythonInterpreter = builtIn("code:python-interpreter");
const linkupSearch = builtIn("linkup:search");
const fileText = builtIn<{ files: string[] }>("file:text");

/**
 * Friendli's built-in tools for `tools: { ... }` of `generateText` and `streamText`: the
 * model calls them and Friendli runs them (tool-assisted chat, serverless only), and the
 * calls and results come back as provider-executed tool parts.
 */
export const friendliTools = {
  /** Searches the web. */
  webSearch: (): FriendliBuiltInTool => webSearch({}),
  /** Reads the page at a URL. */
  webUrl: (): FriendliBuiltInTool => webUrl({}),
  /** Evaluates arithmetic. */
  mathCalculator: (): FriendliBuiltInTool => mathCalculator({}),
  /** Computes statistics over numbers. */
  mathStatistics: (): FriendliBuiltInTool => mathStatistics({}),
  /** Date and calendar arithmetic. */
  mathCalendar: (): FriendliBuiltInTool => mathCalendar({}),
  /** Runs Python code. */
  codePythonInterpreter: (): FriendliBuiltInTool => codePythonInterpreter({}),
  /** Linkup's web search, run by Friendli. */
  linkupSearch: (): FriendliBuiltInTool => linkupSearch({}),
  /** Reads an uploaded text or PDF file: its Friendli file id (the API takes one). */
  fileText: (options: { files: string[] }): FriendliBuiltInTool => fileText({ files: options.files }),
};

/** The factories of Friendli's built-in tools (`friendli.tools`). */
export type FriendliTools = typeof friendliTools;
