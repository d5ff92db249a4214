import type { OwnedBytes } from "@friendli-ts/client/internal";

export interface DecodedDataUrl {
  mediaType: string;
  bytes: OwnedBytes;
}

const BASE64 = /^[A-Za-z0-9+/]*={0,2}$/;

/**
 * Decodes a base64 `data:` URL, or says why it is not one. Strict like Python's
 * `b64decode(validate=True)`: foreign characters or a bad length are errors, not skipped.
 */
export function decodeDataUrl(url: string): DecodedDataUrl | { error: string } {
  const comma = url.indexOf(",");
  if (!url.startsWith("data:") || comma < 0) return { error: "is not a data URL" };
  const meta = url.slice(5, comma);
  if (!meta.endsWith(";base64")) return { error: "is a data URL without ;base64" };
  const payload = url.slice(comma + 1).replace(/\s+/g, "");
  if (payload.length === 0) return { error: "has no base64 payload" };
  if (payload.length % 4 !== 0 || !BASE64.test(payload)) return { error: "has a payload that is not valid base64" };
  const binary = atob(payload);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return { mediaType: meta.slice(0, -";base64".length) || "application/octet-stream", bytes };
}
