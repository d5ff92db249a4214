import { createServer, type IncomingMessage, type ServerResponse } from "node:http";

/** A file the page's origin serves: its content type and body. */
export interface PageFile {
  type: string;
  body: string | Uint8Array;
}

/** The origin a browser test opens: its URL, the requests it did not expect, and `close`. */
export interface PageOrigin {
  origin: string;
  /** Paths asked for that are neither a file nor handled by `other` (the favicon aside). */
  stray: string[];
  close(): Promise<void>;
}

/**
 * Serves an empty page at `/` and `files` on 127.0.0.1 (a free port), for a browser test to
 * open and import from. `other` answers any other request (a local API, say) and returns
 * false when it does not; the rest are 404s, recorded in `stray`.
 */
export async function servePage(
  files: Record<string, PageFile>,
  other?: (req: IncomingMessage, res: ServerResponse) => boolean | Promise<boolean>,
): Promise<PageOrigin> {
  const stray: string[] = [];
  const server = createServer(async (req, res) => {
    const url = req.url ?? "";
    if (url === "/")
      return void res.writeHead(200, { "content-type": "text/html" }).end("<!doctype html><title>test</title>");
    const file = files[url];
    if (file) return void res.writeHead(200, { "content-type": file.type }).end(file.body);
    if (other && (await other(req, res))) return;
    // The browser asks for a favicon by itself; anything else would be a call the test did not expect.
    if (url !== "/favicon.ico") stray.push(url);
    res.writeHead(404).end();
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  return {
    origin: `http://127.0.0.1:${(server.address() as { port: number }).port}`,
    stray,
    close: () => new Promise<void>((r) => server.close(() => r())),
  };
}
