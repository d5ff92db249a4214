/** Names that can only mean this machine. */
const LOOPBACK = new Set(["127.0.0.1", "localhost", "[::1]"]);

/** Whether a `Host` header names this machine (any port). A request without one is refused. */
export function isLoopbackHost(host: string | undefined): boolean {
  if (!host) return false;
  const name = host.toLowerCase().replace(/:\d+$/, "");
  return LOOPBACK.has(name) || name.endsWith(".localhost");
}
