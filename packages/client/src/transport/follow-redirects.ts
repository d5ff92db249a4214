import { APIError } from "../errors/api-error.ts";
import { isRedirect } from "./is-redirect.ts";

const MAX_REDIRECTS = 5;

/** The call a redirect belongs to, as its errors name it. */
export interface RedirectedCall {
  method: string;
  url: string;
  /** `POST /chat/completions`, for messages. */
  label: string;
  /** Where the token, the team header and the body may go. */
  apiOrigin: string;
}

/**
 * Follows a redirect within the API origin (at most MAX_REDIRECTS), each hop sent with
 * `fetchAgain`; any other is refused with an APIError of the redirect's status, so the
 * token, the team and the body never go to another host.
 */
export async function followRedirects(
  first: Response,
  from: string,
  init: RequestInit,
  call: RedirectedCall,
  fetchAgain: (target: string, init: RequestInit) => Promise<Response>,
): Promise<Response> {
  const { apiOrigin } = call;
  let response = first;
  let target = from;
  let { method, body } = init;
  for (let hops = 0; isRedirect(response); hops++) {
    const location = response.headers.get("location");
    await response.body?.cancel().catch(() => {});
    const next = location ? new URL(location, target) : undefined;
    if (!next || next.origin !== apiOrigin || hops >= MAX_REDIRECTS) {
      throw new APIError(
        { status: response.status, headers: response.headers, body: null, method: call.method, url: call.url },
        `${call.label} was redirected ${next ? `to ${next.origin}` : "without a location"}${hops >= MAX_REDIRECTS ? " too many times" : ""}; not followed, so the token, the team and the body stay with ${apiOrigin}`,
      );
    }
    // As browsers do: 303, and 301/302 after a POST, continue as a GET without the body.
    if (response.status === 303 || ((response.status === 301 || response.status === 302) && method === "POST")) {
      method = "GET";
      body = null;
    }
    target = next.href;
    response = await fetchAgain(target, { ...init, method, body });
  }
  return response;
}
