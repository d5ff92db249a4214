import { recordSentRequests } from "@friendli-ts/test-kit";
// Brings in the type of the mock server URL the global setup provides.
import type {} from "@friendli-ts/test-kit/global-setup";
import { dehydrate, HydrationBoundary, QueryClient, QueryClientProvider } from "@tanstack/react-query";
import createQueryHooks from "openapi-react-query";
import { createElement, type ReactNode, Suspense } from "react";
import { renderToString } from "react-dom/server";
import { prerender } from "react-dom/static";
import { describe, expect, inject, it } from "vitest";
import { createFriendliFetchClient } from "../../src/index.ts";

// openapi-react-query's hooks, given the Friendli fetch client, read a dedicated endpoint's
// status from the mock server, and a real React renders it on the server.
const statusPath = "/dedicated/beta/endpoint/{endpoint_id}/status";
const init = { params: { path: { endpoint_id: "ep-1" } } };

function setup() {
  const { fetch, sent } = recordSentRequests();
  const client = createFriendliFetchClient({ baseURL: inject("mockServerUrl"), token: "test-token", fetch });
  return { client, $api: createQueryHooks(client), sent };
}

const provide = (queryClient: QueryClient, child: ReactNode) =>
  createElement(QueryClientProvider, { client: queryClient }, child);

async function textOf(stream: ReadableStream<Uint8Array>): Promise<string> {
  return new Response(stream).text();
}

describe("openapi-react-query with createFriendliFetchClient", () => {
  it("useSuspenseQuery fetches the status during a server render that waits for it", async () => {
    const { client, $api, sent } = setup();
    function EndpointStatus() {
      const { data } = $api.useSuspenseQuery("get", statusPath, init);
      return createElement("p", null, `ep-1 is ${data.status}`);
    }
    const tree = provide(
      new QueryClient({ defaultOptions: { queries: { retry: false } } }),
      createElement(Suspense, { fallback: createElement("p", null, "loading") }, createElement(EndpointStatus)),
    );
    const html = await textOf((await prerender(tree)).prelude);

    // What the same client answers outside React: the hook rendered the answer it fetched.
    const { data } = await client.GET(statusPath, init);
    expect(typeof data?.status).toBe("string");
    expect(html).toContain(`ep-1 is ${data?.status}`);
    expect(html).not.toContain("loading");
    // The hook's request went through the SDK's transport: token, team rule, user agent.
    const hookRequest = sent[0]!;
    expect(hookRequest.url).toBe(`${inject("mockServerUrl")}/dedicated/beta/endpoint/ep-1/status`);
    expect(hookRequest.headers.get("authorization")).toBe("Bearer test-token");
    expect(hookRequest.headers.get("user-agent")).toMatch(/^friendli-ts\//);
  });

  it("a status prefetched with queryOptions renders with useQuery through a HydrationBoundary", async () => {
    const { $api, sent } = setup();
    const server = new QueryClient();
    await server.prefetchQuery($api.queryOptions("get", statusPath, init));
    expect(sent).toHaveLength(1);
    const prefetched = server.getQueryData<{ status: string }>(["get", statusPath, init]);
    expect(typeof prefetched?.status).toBe("string");

    function EndpointStatus() {
      const { data, isPending } = $api.useQuery("get", statusPath, init);
      return createElement("p", null, isPending ? "loading" : `ep-1 is ${data?.status}`);
    }
    const html = renderToString(
      provide(
        new QueryClient(),
        createElement(HydrationBoundary, { state: dehydrate(server) }, createElement(EndpointStatus)),
      ),
    );
    expect(html).toBe(`<p>ep-1 is ${prefetched?.status}</p>`);
    // Rendered from the dehydrated cache: no second request.
    expect(sent).toHaveLength(1);
  });
});
