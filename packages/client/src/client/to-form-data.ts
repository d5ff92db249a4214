/**
 * Serialises a multipart body: Blobs (and Files) as file parts, arrays as repeated fields,
 * objects as JSON, null and undefined left out. A FormData is passed through as is.
 */
export function toFormData(body: unknown): FormData {
  if (body instanceof FormData) return body;
  const form = new FormData();
  for (const [key, value] of Object.entries((body ?? {}) as Record<string, unknown>)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      if (item instanceof Blob) form.append(key, item, item instanceof File ? item.name : key);
      else if (typeof item === "object") form.append(key, JSON.stringify(item));
      else form.append(key, String(item));
    }
  }
  return form;
}
