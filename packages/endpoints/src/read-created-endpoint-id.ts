import { pathValueProblem } from "@friendli-ts/client/internal";

/** Where createAndWait found the new endpoint's id, or why it could not use what it found. */
export type CreatedEndpointId = { endpointId: string } | { endpointId: null; problem: string | null };

/**
 * The id of a just-created endpoint. The spec's create answer (DedicatedEndpointStatus)
 * has no id field, so this looks where an API would put one: an id field in the body, or
 * the last segment of a Location header. An id that cannot address the endpoint (a bad
 * percent escape, a slash, `..`) is a problem, never a throw: the endpoint exists by now,
 * and the caller must get the create answer.
 */
export function readCreatedEndpointId(body: unknown, headers: Headers): CreatedEndpointId {
  if (typeof body === "object" && body !== null) {
    for (const key of ["endpointId", "endpoint_id", "id"]) {
      const value = Object.hasOwn(body, key) ? (body as Record<string, unknown>)[key] : undefined;
      if (typeof value === "string" && value.trim() !== "") return usable(value, `the answer's \`${key}\``);
    }
  }
  const location = headers.get("location");
  if (location) {
    const last = location.split(/[?#]/, 1)[0]?.replace(/\/+$/, "").split("/").pop();
    if (last) {
      let decoded: string;
      try {
        decoded = decodeURIComponent(last);
      } catch {
        return { endpointId: null, problem: "the Location header's last segment is not valid percent-encoding" };
      }
      return usable(decoded, "the Location header's last segment");
    }
  }
  return { endpointId: null, problem: null };
}

function usable(id: string, where: string): CreatedEndpointId {
  const problem = pathValueProblem(id);
  return problem ? { endpointId: null, problem: `${where} ${problem}` } : { endpointId: id };
}
