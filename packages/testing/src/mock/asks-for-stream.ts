/**
 * Whether a request asks for an event stream. The API decides by the body: `stream: true` in
 * JSON, or a `stream` field in a multipart form. Clients send every kind of `Accept` with it
 * (openai-node `application/json`, the AI SDK `*\/*`), so `Accept` only counts when the body
 * does not say: `Accept: text/event-stream` alone still asks for the stream.
 */
export async function asksForStream(
  headers: Record<string, string | string[] | undefined>,
  body: Uint8Array,
): Promise<boolean> {
  const byAccept = String(headers.accept ?? "").includes("text/event-stream");
  const type = String(headers["content-type"] ?? "").toLowerCase();
  const byBody = type.includes("json")
    ? streamFieldOfJson(body)
    : type.startsWith("multipart/form-data")
      ? await streamFieldOfForm(String(headers["content-type"]), body)
      : undefined;
  return byBody ?? byAccept;
}

function streamFieldOfJson(body: Uint8Array): boolean | undefined {
  try {
    const value = JSON.parse(new TextDecoder().decode(body)) as { stream?: unknown } | null;
    return typeof value?.stream === "boolean" ? value.stream : undefined;
  } catch {
    return undefined;
  }
}

async function streamFieldOfForm(contentType: string, body: Uint8Array): Promise<boolean | undefined> {
  try {
    const form = await new Response(new Uint8Array(body), { headers: { "content-type": contentType } }).formData();
    const field = form.get("stream");
    if (typeof field !== "string") return undefined;
    const value = field.trim().toLowerCase();
    return value === "true" ? true : value === "false" ? false : undefined;
  } catch {
    return undefined;
  }
}
