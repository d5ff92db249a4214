/**
 * `path?key=value&...` from a query object: arrays repeat the key, objects are JSON, and
 * null or undefined values are left out. Keys keep their order.
 */
export function appendQuery(path: string, query: Record<string, unknown> | undefined): string {
  if (!query) return path;
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    for (const item of Array.isArray(value) ? value : [value]) {
      if (item === undefined || item === null) continue;
      search.append(key, typeof item === "object" ? JSON.stringify(item) : String(item));
    }
  }
  const text = search.toString();
  return text ? `${path}?${text}` : path;
}
