import { readBodyCapped } from "./read-body-capped.ts";

/**
 * The error body as JSON when it parses, else as text (empty text becomes null). At most
 * `limit` bytes are read, then the body is cancelled: an endless or huge error body costs
 * the limit, and only the text within it is kept.
 */
export async function readErrorBody(response: Response, limit: number): Promise<unknown> {
  let text: string;
  try {
    const { bytes } = await readBodyCapped(response, limit, { reading: "the error body", over: "cut" });
    // `stream: true` drops a character the cut split in two instead of ending on U+FFFD.
    text = new TextDecoder().decode(bytes, { stream: true });
  } catch {
    return null;
  }
  if (!text) return null;
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
}
