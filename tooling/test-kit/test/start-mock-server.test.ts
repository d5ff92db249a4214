import { describe, expect, it } from "vitest";
import { startMockServer } from "../src/start-mock-server.ts";

const alive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe("the mock server", () => {
  it("listens on loopback, answers SSE for a stream request, logs requests, and stops with its children", async () => {
    const server = await startMockServer();
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    try {
      const response = await fetch(`${server.url}/serverless/v1/chat/completions`, {
        method: "POST",
        headers: { "content-type": "application/json", accept: "text/event-stream", authorization: "Bearer t" },
        body: JSON.stringify({ model: "m", messages: [{ role: "user", content: "hi" }], stream: true }),
      });
      // Before normalisation this was a 406: the base operation declared JSON only.
      expect(response.status).toBe(200);
      expect(response.headers.get("content-type")).toContain("text/event-stream");
      expect(await response.text()).toContain("data: [DONE]");
      expect(server.calls).toEqual([
        {
          method: "POST",
          path: "/serverless/v1/chat/completions",
          stream: true,
          status: 200,
          operationId: "serverlessChatStream",
        },
      ]);
    } finally {
      await server.stop();
    }
    expect(alive(server.pid)).toBe(false);
    // Both the proxy and the server behind it are gone.
    await expect(fetch(server.url)).rejects.toThrow();
  });
});
