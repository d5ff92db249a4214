import { readdirSync, readFileSync, readlinkSync } from "node:fs";

/** One TCP socket a process listens on, from Linux's /proc. */
export interface ListeningSocket {
  address: string;
  port: number;
}

/** The IPv4 address of /proc/net/tcp's little-endian hex (`0100007F` is 127.0.0.1). */
const ipv4 = (hex: string) => [3, 2, 1, 0].map((i) => Number.parseInt(hex.slice(i * 2, i * 2 + 2), 16)).join(".");

/**
 * The TCP sockets process `pid` listens on (Linux only), as a port scan of this machine
 * would find them: its open socket inodes matched against the kernel's tables.
 */
export function listeningSockets(pid: number): ListeningSocket[] {
  const inodes = new Set(
    readdirSync(`/proc/${pid}/fd`).flatMap((fd) => {
      try {
        const target = readlinkSync(`/proc/${pid}/fd/${fd}`);
        return target.startsWith("socket:[") ? [target.slice(8, -1)] : [];
      } catch {
        return []; // closed meanwhile
      }
    }),
  );
  const found: ListeningSocket[] = [];
  for (const [table, family] of [
    ["/proc/net/tcp", 4],
    ["/proc/net/tcp6", 6],
  ] as const) {
    let text = "";
    try {
      text = readFileSync(table, "utf8");
    } catch {
      continue;
    }
    for (const line of text.trim().split("\n").slice(1)) {
      const fields = line.trim().split(/\s+/);
      const [, local = "", , state, , , , , , inode = ""] = fields;
      if (state !== "0A" || !inodes.has(inode)) continue; // 0A: LISTEN
      const [address = "", port = ""] = local.split(":");
      found.push({ address: family === 4 ? ipv4(address) : address, port: Number.parseInt(port, 16) });
    }
  }
  return found;
}
