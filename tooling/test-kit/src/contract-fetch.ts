interface Violation {
  location: (string | number)[];
  message: string;
  severity?: string;
}

/**
 * A fetch for contract tests. Prism reports what is wrong with a request only in the
 * `sl-violations` header (its 422 body is empty), so this turns request violations into a
 * 422 body of `{ detail: [...] }`: the SDK's ValidationError then names each problem in
 * its message, and a wrapper that sends what the spec forbids fails loudly.
 * Violations of Prism's own example responses are left alone.
 */
export const contractFetch: typeof fetch = async (input, init) => {
  const response = await fetch(input, init);
  const header = response.headers.get("sl-violations");
  if (!header) return response;
  const violations = (JSON.parse(header) as Violation[]).filter((v) => v.location[0] === "request");
  if (violations.length === 0) return response;
  await response.body?.cancel();
  const detail = violations.map((v) => ({
    loc: v.location.slice(1),
    msg: `mock server: ${v.message}`,
    type: "contract",
  }));
  return new Response(JSON.stringify({ detail }), {
    status: 422,
    headers: { "content-type": "application/json" },
  });
};
