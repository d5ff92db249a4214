import { type FaultServer, startFaultServer } from "@friendli-ts/test-kit";
import { afterEach, describe, expect, it } from "vitest";
import { APITimeoutError, APIUserAbortError, AuthenticationError } from "../../src/index.ts";
import { faultClient, json } from "./fault-client.ts";

const servers: FaultServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((s) => s.stop()));
});
async function serve(...args: Parameters<typeof startFaultServer>) {
  const server = await startFaultServer(...args);
  servers.push(server);
  return server;
}
const never = () => new Promise<void>(() => {});

describe("timeouts and aborts", () => {
  it("slow headers: each attempt times out, then APITimeoutError", async () => {
    const server = await serve(never);
    const started = Date.now();
    const error = await faultClient(server.url, { timeout: 100, maxRetries: 1 })
      .GET("/serverless/v1/models")
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(APITimeoutError);
    expect((error as Error).message).toBe("GET /serverless/v1/models timed out after 100 ms");
    expect(server.requests).toHaveLength(2);
    expect(Date.now() - started).toBeLessThan(3_000);
  });

  it("a body that stalls after the headers also times out (JSON calls)", async () => {
    const server = await serve(async (_req, res) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.write('{"data": [');
      await never();
    });
    await expect(
      faultClient(server.url, { timeout: 100, maxRetries: 0 }).GET("/serverless/v1/models"),
    ).rejects.toBeInstanceOf(APITimeoutError);
  });

  it("a per-call timeout via withOptions overrides the client's", async () => {
    const server = await serve(never);
    const client = faultClient(server.url, { timeout: 60_000, maxRetries: 0 });
    await expect(client.withOptions({ timeout: 50 }).GET("/serverless/v1/models")).rejects.toBeInstanceOf(
      APITimeoutError,
    );
  });

  it("the caller's signal aborts a pending call, without retrying", async () => {
    const server = await serve(never);
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 30);
    await expect(
      faultClient(server.url).GET("/serverless/v1/models", { signal: controller.signal }),
    ).rejects.toBeInstanceOf(APIUserAbortError);
    expect(server.requests).toHaveLength(1);
  });

  it("an abort during the backoff wait stops the retries", async () => {
    const server = await serve((_req, res) => void res.writeHead(503, { "retry-after": "1" }).end());
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    await expect(
      faultClient(server.url, { maxDelayMs: 5_000 }).GET("/serverless/v1/models", { signal: controller.signal }),
    ).rejects.toBeInstanceOf(APIUserAbortError);
    expect(server.requests).toHaveLength(1);
  });
});

describe("the token stays secret", () => {
  it("an error that echoes the token does not carry it", async () => {
    const server = await serve((req, res) => {
      res.writeHead(401, { "content-type": "application/json" });
      res.end(json({ message: `bad credentials: ${req.headers.authorization}` }));
    });
    const error = (await faultClient(server.url)
      .GET("/serverless/v1/models")
      .catch((e: unknown) => e)) as AuthenticationError;
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(server.requests[0]?.headers.authorization).toBe("Bearer secret-token-123");
    const everything = `${error.message} ${JSON.stringify(error.body)} ${String(error.stack)}`;
    expect(everything).not.toContain("secret-token-123");
    expect(everything).toContain("[redacted]");
  });

  it("the token and team go to the configured API only, never to another host", async () => {
    const api = await serve((_req, res) => void res.writeHead(200, { "content-type": "application/json" }).end("{}"));
    const other = await serve((_req, res) => void res.writeHead(200).end("ok"));
    const client = faultClient(api.url, { teamId: "team-7" });
    await client.GET("/serverless/v1/models");
    await client.fetch(new Request(`${other.url}/upload`, { method: "POST", body: "x" }));
    expect(api.requests[0]?.headers).toMatchObject({
      authorization: "Bearer secret-token-123",
      "x-friendli-team": "team-7",
    });
    expect(other.requests[0]?.headers.authorization).toBeUndefined();
  });

  it("a call's own team header wins over the client's", async () => {
    const api = await serve((_req, res) => void res.writeHead(200, { "content-type": "application/json" }).end("{}"));
    await faultClient(api.url, { teamId: "team-7" }).GET("/dedicated/beta/endpoint/{endpoint_id}", {
      params: { path: { endpoint_id: "e" }, header: { "X-Friendli-Team": "team-9" } },
    });
    expect(api.requests[0]?.headers["x-friendli-team"]).toBe("team-9");
  });
});
