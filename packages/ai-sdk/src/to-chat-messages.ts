import {
  type LanguageModelV4FilePart,
  type LanguageModelV4Prompt,
  type LanguageModelV4ToolResultOutput,
  UnsupportedFunctionalityError,
} from "@ai-sdk/provider";
import { convertToBase64 } from "@ai-sdk/provider-utils";

type ContentPart =
  | { type: "text"; text: string }
  | { type: "image_url"; image_url: { url: string } }
  | { type: "audio_url"; audio_url: { url: string } }
  | { type: "video_url"; video_url: { url: string } };

export type ChatMessage =
  | { role: "system"; content: string }
  | { role: "user"; content: string | ContentPart[] }
  | {
      role: "assistant";
      content: string | null;
      tool_calls?: { id: string; type: "function"; function: { name: string; arguments: string } }[];
    }
  | { role: "tool"; content: string; tool_call_id: string; name?: string };

/** The AI SDK's prompt as Friendli chat messages (the OpenAI-style shape the API takes). */
export function toChatMessages(prompt: LanguageModelV4Prompt): ChatMessage[] {
  const messages: ChatMessage[] = [];
  for (const message of prompt) {
    switch (message.role) {
      case "system":
        messages.push({ role: "system", content: message.content });
        break;
      case "user": {
        const parts = message.content.map((part) =>
          part.type === "text" ? { type: "text" as const, text: part.text } : filePart(part),
        );
        // One text part is sent as a plain string, the form every model takes; anything else as parts.
        const [only] = parts;
        messages.push({ role: "user", content: parts.length === 1 && only?.type === "text" ? only.text : parts });
        break;
      }
      case "assistant": {
        let text = "";
        const toolCalls: NonNullable<Extract<ChatMessage, { role: "assistant" }>["tool_calls"]> = [];
        for (const part of message.content) {
          if (part.type === "text") text += part.text;
          // Friendli ran its built-in tools itself in that turn: only the user's calls go back.
          else if (part.type === "tool-call" && part.providerExecuted !== true) {
            toolCalls.push({
              id: part.toolCallId,
              type: "function",
              function: { name: part.toolName, arguments: JSON.stringify(part.input ?? {}) },
            });
          }
          // Reasoning from earlier turns is not sent back: Friendli's chat templates drop it.
        }
        messages.push({
          role: "assistant",
          content: text === "" && toolCalls.length > 0 ? null : text,
          ...(toolCalls.length > 0 ? { tool_calls: toolCalls } : {}),
        });
        break;
      }
      case "tool":
        for (const part of message.content) {
          if (part.type !== "tool-result") continue;
          messages.push({
            role: "tool",
            tool_call_id: part.toolCallId,
            name: part.toolName,
            content: toolOutputText(part.output),
          });
        }
        break;
    }
  }
  return messages;
}

function toolOutputText(output: LanguageModelV4ToolResultOutput): string {
  switch (output.type) {
    case "text":
    case "error-text":
      return output.value;
    case "json":
    case "error-json":
      return JSON.stringify(output.value);
    case "execution-denied":
      return output.reason ?? "The tool call was not approved.";
    case "content":
      return output.value.map((part) => (part.type === "text" ? part.text : JSON.stringify(part))).join("\n");
  }
}

const FILE_KINDS = { image: "image_url", audio: "audio_url", video: "video_url" } as const;

/** An image, audio or video part as a URL (a data URL for inline bytes). */
function filePart(part: LanguageModelV4FilePart): ContentPart {
  const top = part.mediaType.split("/")[0] as keyof typeof FILE_KINDS;
  const kind = FILE_KINDS[top];
  if (!kind) {
    throw new UnsupportedFunctionalityError({
      functionality: `file parts of type ${part.mediaType} (Friendli chat takes images, audio and video)`,
    });
  }
  const url = fileUrl(part);
  switch (kind) {
    case "image_url":
      return { type: kind, image_url: { url } };
    case "audio_url":
      return { type: kind, audio_url: { url } };
    case "video_url":
      return { type: kind, video_url: { url } };
  }
}

function fileUrl(part: LanguageModelV4FilePart): string {
  const { data } = part;
  if (data.type === "url") return data.url.toString();
  if (data.type === "data") {
    const mediaType = part.mediaType.includes("/") ? part.mediaType : `${part.mediaType}/*`;
    return `data:${mediaType};base64,${convertToBase64(data.data)}`;
  }
  throw new UnsupportedFunctionalityError({ functionality: `file parts given as ${data.type}` });
}
