import { decodeDataUrl } from "./decode-data-url.ts";
import { type SamplePosition, SampleValidationError } from "./sample-validation-error.ts";
import type { Message, ModalityType, Sample, UserContentPart } from "./spec-types.ts";

type MediaPart = Extract<UserContentPart, { type: "image_url" | "audio_url" | "video_url" }>;

/** A media URL inside a checked sample; `set` rewrites it in the sample's copy. */
export interface MediaRef {
  modality: Exclude<ModalityType, "TEXT">;
  url: string;
  path: string;
  set(url: string): void;
}

export interface CheckedSample {
  /** A copy of the input in the spec's shape; media URLs are rewritten on it, never on the input. */
  sample: Sample;
  input: Set<ModalityType>;
  output: Set<ModalityType>;
  /** Media still to upload: http(s) and data URLs (s3:// URIs are already stored). */
  media: MediaRef[];
}

const ROLES = ["system", "user", "assistant", "tool"];
const MEDIA_TYPES = { image_url: "IMAGE", audio_url: "AUDIO", video_url: "VIDEO" } as const;

/**
 * Checks one sample against the spec's message schemas and collects its modalities and
 * media. Also accepts the two image shapes the Friendli docs show for JSONL
 * (`{type: "image", image: url}` and `{type: "image", image_url: url}`) and turns them
 * into the spec's `{type: "image_url", image_url: {url}}`.
 */
export function validateSample(value: unknown, position: SamplePosition): CheckedSample {
  const fail = (path: string, reason: string): never => {
    throw new SampleValidationError(position, path, reason);
  };
  if (!isObject(value)) fail("", `expected an object with \`messages\`, got ${kind(value)}`);
  const messages = (value as { messages?: unknown }).messages;
  if (!Array.isArray(messages) || messages.length === 0) fail("messages", "expected a non-empty array of messages");

  const checked: CheckedSample = { sample: { messages: [] }, input: new Set(), output: new Set(), media: [] };
  (messages as unknown[]).forEach((message, i) => {
    checked.sample.messages.push(checkMessage(message, `messages[${i}]`, checked, fail));
  });
  return checked;
}

type Fail = (path: string, reason: string) => never;

function checkMessage(message: unknown, path: string, checked: CheckedSample, fail: Fail): Message {
  if (!isObject(message)) return fail(path, `expected a message object, got ${kind(message)}`);
  const { role, content } = message as { role?: unknown; content?: unknown };
  if (typeof role !== "string" || !ROLES.includes(role)) {
    return fail(`${path}.role`, `role ${JSON.stringify(role)} is not one of ${ROLES.join(", ")}`);
  }
  if (role === "user") {
    if (typeof content === "string") {
      checked.input.add("TEXT");
      return { ...message, role, content } as Message;
    }
    if (!Array.isArray(content) || content.length === 0) {
      return fail(`${path}.content`, "a user message needs a string or a non-empty array of content parts");
    }
    const parts = content.map((part, j) => checkPart(part, `${path}.content[${j}]`, checked, fail));
    return { ...message, role, content: parts } as Message;
  }
  if (role === "assistant") {
    const toolCalls = (message as { tool_calls?: unknown }).tool_calls;
    if (typeof content !== "string" && !(content == null && Array.isArray(toolCalls))) {
      return fail(`${path}.content`, "an assistant message needs string content (or tool_calls)");
    }
    checked.output.add("TEXT");
    return { ...message } as Message;
  }
  if (typeof content !== "string") return fail(`${path}.content`, `a ${role} message needs string content`);
  if (role === "tool" && typeof (message as { tool_call_id?: unknown }).tool_call_id !== "string") {
    return fail(`${path}.tool_call_id`, "a tool message needs a string tool_call_id");
  }
  checked.input.add("TEXT");
  return { ...message } as Message;
}

function checkPart(part: unknown, path: string, checked: CheckedSample, fail: Fail): UserContentPart {
  if (!isObject(part)) return fail(path, `expected a content part object, got ${kind(part)}`);
  const { type } = part as { type?: unknown };
  if (type === "text") {
    if (typeof (part as { text?: unknown }).text !== "string") return fail(`${path}.text`, "text must be a string");
    checked.input.add("TEXT");
    return { type: "text", text: (part as { text: string }).text };
  }
  if (type === "image") {
    // The docs' shorthand forms: the URL sits in `image` or straight in `image_url`.
    const url = (part as { image?: unknown }).image ?? (part as { image_url?: unknown }).image_url;
    if (typeof url !== "string") return fail(`${path}.image`, "an image part needs the image URL as a string");
    return addMedia("image_url", url, `${path}.image`, checked, fail);
  }
  if (type === "image_url" || type === "audio_url" || type === "video_url") {
    const holder = (part as Record<string, unknown>)[type];
    const url = isObject(holder) ? (holder as { url?: unknown }).url : typeof holder === "string" ? holder : undefined;
    if (typeof url !== "string") return fail(`${path}.${type}.url`, `a ${type} part needs a string url`);
    return addMedia(type, url, `${path}.${type}.url`, checked, fail);
  }
  return fail(`${path}.type`, `content type ${JSON.stringify(type)} is not text, image_url, audio_url or video_url`);
}

function addMedia(type: MediaPart["type"], url: string, path: string, checked: CheckedSample, fail: Fail): MediaPart {
  const modality = MEDIA_TYPES[type];
  checked.input.add(modality);
  // The part's `{ url }` object, kept so the URL can be rewritten in place once stored.
  const holder = { url };
  const part = { type, [type]: holder } as MediaPart;
  if (url.startsWith("data:")) {
    const decoded = decodeDataUrl(url);
    if ("error" in decoded) fail(path, `the data URL ${decoded.error}`);
  } else if (url.startsWith("s3://")) {
    return part; // already in Friendli storage
  } else if (!isHttpUrl(url)) {
    fail(path, `${JSON.stringify(url.slice(0, 60))} is not an http(s) URL, a base64 data URL or an s3:// URI`);
  }
  checked.media.push({ modality, url, path, set: (next) => (holder.url = next) });
  return part;
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
