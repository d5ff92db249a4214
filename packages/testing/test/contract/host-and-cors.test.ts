import { request } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
// The built entry, as a user installs it (its specs are the copies shipped in dist/).
import { type MockServer, startMockServer } from "../../dist/index.js";
import { listeningSockets } from "../support/listening-sockets.ts";

/** A request with headers fetch will not let us set (`Host`). */
function send(
  base: string,
  init: { method?: string; path?: string; headers: Record<string, string>; body?: string },
): Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: string }> {
  const url = new URL(init.path ?? "/serverless/v1/tokenize", base);
  return new Promise((resolve, reject) => {
    const req = request(url, { method: init.method ?? "POST", headers: init.headers }, (res) => {
      let body = "";
      res.setEncoding("utf8");
      res.on("data", (c: string) => {
        body += c;
      });
      res.on("end", () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on("error", reject);
    req.end(init.body);
  });
}
const tokenize = { "content-type": "application/json", authorization: "Bearer t" };
const body = JSON.stringify({ model: "m", prompt: "hi" });

describe("the mock by default", () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMockServer();
  });
  afterAll(() => mock?.stop());

  it("listens on 127.0.0.1 only", () => {
    expect(new URL(mock.url).hostname).toBe("127.0.0.1");
  });

  it("answers loopback names and refuses any other Host with 421 (DNS rebinding)", async () => {
    const port = new URL(mock.url).port;
    for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `[::1]:${port}`]) {
      expect((await send(mock.url, { headers: { ...tokenize, host }, body })).status).toBe(200);
    }
    const rebound = await send(mock.url, { headers: { ...tokenize, host: `attacker.example:${port}` }, body });
    expect(rebound.status).toBe(421);
    expect(JSON.parse(rebound.body).error.message).toMatch(/127\.0\.0\.1/);
    // A name that only ends in "localhost" is anyone's.
    for (const host of [`evillocalhost:${port}`, `localhost.attacker.example:${port}`]) {
      expect((await send(mock.url, { headers: { ...tokenize, host }, body })).status, host).toBe(421);
    }
  });

  it("sends no CORS headers: no echoed Origin, no credentials, and a preflight gets no allowance", async () => {
    const origin = "http://page.example";
    const answer = await send(mock.url, { headers: { ...tokenize, origin }, body });
    expect(answer.status).toBe(200);
    expect(Object.keys(answer.headers).filter((h) => h.startsWith("access-control-"))).toEqual([]);
    const preflight = await send(mock.url, {
      method: "OPTIONS",
      headers: { origin, "access-control-request-method": "POST" },
    });
    expect(preflight.headers["access-control-allow-origin"]).toBeUndefined();
    expect(preflight.headers["access-control-allow-credentials"]).toBeUndefined();
  });
});

describe("Prism's own port, behind the proxy", () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMockServer();
  });
  afterAll(() => mock?.stop());

  // Prism cannot refuse a Host itself; found by a port scan, its port must still serve nothing.
  it.runIf(process.platform === "linux")(
    "listens on 127.0.0.1 only and refuses every request that did not come through the proxy, whatever its Host",
    async () => {
      const sockets = listeningSockets(mock.pid);
      expect(sockets.length).toBeGreaterThan(0);
      const proxyPort = Number(new URL(mock.url).port);
      expect(sockets.map((s) => s.port)).not.toContain(proxyPort);
      for (const { address, port } of sockets) {
        expect(address).toBe("127.0.0.1");
        for (const host of [`127.0.0.1:${port}`, `localhost:${port}`, `attacker.example:${port}`]) {
          const direct = await send(`http://127.0.0.1:${port}`, { headers: { ...tokenize, host }, body });
          expect(direct.status, host).toBe(421);
          expect(JSON.parse(direct.body).error.message).toMatch(/only the mock's proxy/);
        }
        // A made-up key is refused like none.
        const guessed = await send(`http://127.0.0.1:${port}`, {
          headers: { ...tokenize, "x-friendli-mock-proxy-key": "guess" },
          body,
        });
        expect(guessed.status).toBe(421);
      }
      // Through the proxy the same request is answered, and a key the caller sends changes nothing.
      const proxied = await send(mock.url, { headers: { ...tokenize, "x-friendli-mock-proxy-key": "guess" }, body });
      expect(proxied.status).toBe(200);
    },
  );
});

describe("the mock with `cors`", () => {
  let mock: MockServer;
  beforeAll(async () => {
    mock = await startMockServer({ cors: { origin: "http://localhost:5173", credentials: true } });
  });
  afterAll(() => mock?.stop());

  it("allows the named origin, with credentials as asked, and no other", async () => {
    const allowed = await send(mock.url, { headers: { ...tokenize, origin: "http://localhost:5173" }, body });
    expect(allowed.headers["access-control-allow-origin"]).toBe("http://localhost:5173");
    expect(allowed.headers["access-control-allow-credentials"]).toBe("true");
    const preflight = await send(mock.url, {
      method: "OPTIONS",
      headers: {
        origin: "http://localhost:5173",
        "access-control-request-method": "POST",
        "access-control-request-headers": "authorization, x-stainless-os",
      },
    });
    expect(preflight.status).toBe(204);
    expect(preflight.headers["access-control-allow-headers"]).toBe("authorization, x-stainless-os");
    const other = await send(mock.url, { headers: { ...tokenize, origin: "http://page.example" }, body });
    expect(other.headers["access-control-allow-origin"]).toBeUndefined();
  });
});
