import { decodeDataUrl } from "./decode-data-url.ts";
import { formatPath, type JsonKey } from "./format-path.ts";
import { type SamplePosition, SampleValidationError } from "./sample-validation-error.ts";
import type { ModalityType } from "./spec-types.ts";

/** A media URL to store, and where it sits in the sample. */
export interface MediaRef {
  modality: Exclude<ModalityType, "TEXT">;
  url: string;
  /** The URL string's place as keys from the sample's root: `["messages", 0, "content", 1, "image_url", "url"]`. */
  keys: JsonKey[];
  /** The same place as messages name it: `messages[0].content[1].image_url.url`. */
  path: string;
}

export interface CheckedSample {
  input: Set<ModalityType>;
  output: Set<ModalityType>;
  /** Media still to store: http(s) and data URLs (s3:// URIs are already stored). */
  media: MediaRef[];
}

const ROLES = ["system", "user", "assistant", "tool"];
const MEDIA_TYPES = { image_url: "IMAGE", audio_url: "AUDIO", video_url: "VIDEO" } as const;

type Fail = (keys: JsonKey[], reason: string) => never;

/**
 * Checks one sample against the spec's message schemas and collects its modalities and the
 * media to store. It only reads the sample: fields the schemas do not name are the user's
 * and stay, and nothing is rebuilt. Also accepts the two image shapes the Friendli docs show
 * for JSONL (`{type: "image", image: url}` and `{type: "image", image_url: url}`).
 */
export function validateSample(value: unknown, position: SamplePosition): CheckedSample {
  const fail: Fail = (keys, reason) => {
    throw new SampleValidationError(position, formatPath(keys), reason);
  };
  if (!isObject(value)) fail([], `expected an object with \`messages\`, got ${kind(value)}`);
  const messages = (value as { messages?: unknown }).messages;
  if (!Array.isArray(messages) || messages.length === 0) fail(["messages"], "expected a non-empty array of messages");

  const checked: CheckedSample = { input: new Set(), output: new Set(), media: [] };
  (messages as unknown[]).forEach((message, i) => {
    checkMessage(message, ["messages", i], checked, fail);
  });
  return checked;
}

function checkMessage(message: unknown, keys: JsonKey[], checked: CheckedSample, fail: Fail): void {
  if (!isObject(message)) fail(keys, `expected a message object, got ${kind(message)}`);
  const { role, content } = message as { role?: unknown; content?: unknown };
  if (typeof role !== "string" || !ROLES.includes(role)) {
    fail([...keys, "role"], `role ${JSON.stringify(role)} is not one of ${ROLES.join(", ")}`);
  }
  if (role === "user") {
    if (typeof content === "string") {
      checked.input.add("TEXT");
      return;
    }
    if (!Array.isArray(content) || content.length === 0) {
      fail([...keys, "content"], "a user message needs a string or a non-empty array of content parts");
    }
    content.forEach((part, j) => {
      checkPart(part, [...keys, "content", j], checked, fail);
    });
    return;
  }
  if (role === "assistant") {
    const toolCalls = (message as { tool_calls?: unknown }).tool_calls;
    if (typeof content !== "string" && !(content == null && Array.isArray(toolCalls))) {
      fail([...keys, "content"], "an assistant message needs string content (or tool_calls)");
    }
    checked.output.add("TEXT");
    return;
  }
  if (typeof content !== "string") fail([...keys, "content"], `a ${role} message needs string content`);
  if (role === "tool" && typeof (message as { tool_call_id?: unknown }).tool_call_id !== "string") {
    fail([...keys, "tool_call_id"], "a tool message needs a string tool_call_id");
  }
  checked.input.add("TEXT");
}

function checkPart(part: unknown, keys: JsonKey[], checked: CheckedSample, fail: Fail): void {
  if (!isObject(part)) fail(keys, `expected a content part object, got ${kind(part)}`);
  const { type } = part as { type?: unknown };
  if (type === "text") {
    if (typeof (part as { text?: unknown }).text !== "string") fail([...keys, "text"], "text must be a string");
    checked.input.add("TEXT");
    return;
  }
  if (type === "image") {
    // The docs' shorthand forms: the URL sits in `image` or straight in `image_url`.
    const key = (part as { image?: unknown }).image != null ? "image" : "image_url";
    const url = (part as Record<string, unknown>)[key];
    if (typeof url !== "string") fail([...keys, "image"], "an image part needs the image URL as a string");
    addMedia("IMAGE", url, [...keys, key], checked, fail);
    return;
  }
  if (type === "image_url" || type === "audio_url" || type === "video_url") {
    const holder = (part as Record<string, unknown>)[type];
    if (typeof holder === "string") {
      addMedia(MEDIA_TYPES[type], holder, [...keys, type], checked, fail);
      return;
    }
    const url = isObject(holder) ? (holder as { url?: unknown }).url : undefined;
    if (typeof url !== "string") fail([...keys, type, "url"], `a ${type} part needs a string url`);
    addMedia(MEDIA_TYPES[type], url, [...keys, type, "url"], checked, fail);
    return;
  }
  fail([...keys, "type"], `content type ${JSON.stringify(type)} is not text, image, image_url, audio_url or video_url`);
}

function addMedia(
  modality: MediaRef["modality"],
  url: string,
  keys: JsonKey[],
  checked: CheckedSample,
  fail: Fail,
): void {
  checked.input.add(modality);
  if (url.startsWith("s3://")) return; // already in Friendli storage
  if (url.startsWith("data:")) {
    const decoded = decodeDataUrl(url);
    if ("error" in decoded) fail(keys, `the data URL ${decoded.error}`);
  } else if (!isHttpUrl(url)) {
    fail(keys, `${JSON.stringify(url.slice(0, 60))} is not an http(s) URL, a base64 data URL or an s3:// URI`);
  }
  checked.media.push({ modality, url, keys, path: formatPath(keys) });
}

function isHttpUrl(url: string): boolean {
  try {
    const { protocol } = new URL(url);
    return protocol === "http:" || protocol === "https:";
  } catch {
    return false;
  }
}

function isObject(value: unknown): value is Record<string, unknown> {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}

function kind(value: unknown): string {
  return value === null ? "null" : Array.isArray(value) ? "an array" : typeof value;
}
