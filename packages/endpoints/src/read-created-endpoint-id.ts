/**
 * The id of a just-created endpoint. The spec's create answer (DedicatedEndpointStatus)
 * has no id field, so this looks where an API would put one: an id field in the body, or
 * the last segment of a Location header. null when neither is there.
 */
export function readCreatedEndpointId(body: unknown, headers: Headers): string | null {
  if (typeof body === "object" && body !== null) {
    const fields = body as Record<string, unknown>;
    for (const key of ["endpointId", "endpoint_id", "id"]) {
      const value = fields[key];
      if (typeof value === "string" && value.trim() !== "") return value;
    }
  }
  const location = headers.get("location");
  if (location) {
    const last = location.split("?")[0]?.replace(/\/+$/, "").split("/").pop();
    if (last) return decodeURIComponent(last);
  }
  return null;
}
