// Code loaded into Prism's process before Prism (`node --import <data: URL>`), as plain
// JavaScript: the mock runs from its TypeScript sources in this repository's tests too.

/** The header the proxy proves itself with; Prism's port answers nothing without it. */
export const PROXY_KEY_HEADER = "x-friendli-mock-proxy-key";
/** The environment variable that hands Prism's process the key (read once, then removed). */
export const PROXY_KEY_ENV = "FRIENDLI_MOCK_PROXY_KEY";

const asModule = (code: string) => `data:text/javascript,${encodeURIComponent(code)}`;

/**
 * Exits when stdin, a pipe from the process that started Prism, closes, which the OS does
 * when that process ends in any way (SIGKILL included), so Prism never outlives it.
 */
export const WATCHDOG = asModule(
  'const end = () => process.exit(0); process.stdin.on("end", end); process.stdin.on("error", end); process.stdin.resume();',
);

/**
 * Prism serves any `Host` and has no option to refuse one, so its port would answer a page
 * that points its own name at 127.0.0.1 (DNS rebinding) past the proxy's checks. This makes
 * every HTTP server in Prism's process refuse (421) a request without the proxy's key, before
 * Prism sees it, and drops the key from the requests it lets through. A browser cannot add the
 * header without a CORS preflight, and the preflight is refused too.
 */
export const PROXY_ONLY = asModule(`
import { Server } from "node:http";
const key = process.env[${JSON.stringify(PROXY_KEY_ENV)}];
delete process.env[${JSON.stringify(PROXY_KEY_ENV)}];
if (!key) throw new Error("the mock's Prism needs the proxy's key");
const emit = Server.prototype.emit;
Server.prototype.emit = function (event, req, res) {
  if (event === "request") {
    if (req.headers[${JSON.stringify(PROXY_KEY_HEADER)}] !== key) {
      req.resume();
      res.writeHead(421, { "content-type": "application/json" });
      res.end(JSON.stringify({ error: { message: "this port serves only the mock's proxy: use the mock's url" } }));
      return true;
    }
    delete req.headers[${JSON.stringify(PROXY_KEY_HEADER)}];
  }
  return emit.apply(this, arguments);
};
`);
