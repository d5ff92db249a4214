// Errors the datasets helpers build from an API answer quote it (an upload URL, a list's
// wrong shape): a server that echoes the token it was sent must not get it into the error.
import { InvalidResponseError } from "@friendli-ts/client";
import { everythingAnErrorShows, findSecret, serveFaults, tokenEchoForms } from "@friendli-ts/test-kit";
import { describe, expect, it } from "vitest";
import { createFriendliDatasets, StorageUploadError } from "../../src/index.ts";

// Random enough that no eight of its characters in a row appear anywhere by chance.
const TOKEN = "Tk_4HwQ9cNv2XeLz7RbJ5uMa";
const serve = serveFaults();

/** An API whose JSON answer to every request is `answer(token)`, the token being the one it was sent. */
async function echoing(answer: (token: string) => unknown, token: string | (() => Promise<string>)) {
  const server = await serve((req, res) => {
    const sent = req.headers.authorization?.replace(/^Bearer /, "");
    // Without a token to echo, a refusal: the test then fails on the error's class.
    if (!sent) return void res.writeHead(400).end();
    res.writeHead(200, { "content-type": "application/json" }).end(JSON.stringify(answer(sent)));
  });
  return createFriendliDatasets({ baseURL: server.url, token, maxRetries: 0 });
}

function expectNoToken(error: unknown, where: string) {
  const leak = findSecret(everythingAnErrorShows(error), TOKEN);
  expect(leak, `${where}: the token shows in\n${leak}`).toBeUndefined();
}

const tokens = [
  ["a fixed token", TOKEN],
  ["a token function", async () => TOKEN],
] as const;
const cases = tokens.flatMap(([kind, token]) =>
  tokenEchoForms.map(([form, spell]) => [kind, form, token, spell] as const),
);

describe.each(cases)(
  "datasets errors built from the answer carry no token (%s, echoed %s)",
  (_kind, _form, token, spell) => {
    it("files.upload: an upload URL that is not http(s) (StorageUploadError)", async () => {
      const datasets = await echoing(
        (sent) => ({ fileId: "f-1", uploadUrl: `ftp://storage/${spell(sent)}`, aws: {} }),
        token,
      );
      const error = await datasets.files
        .upload(new Uint8Array([1, 2, 3]), { name: "a.bin", projectId: "p-1" })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StorageUploadError);
      expect((error as Error).message).toContain("[redacted]");
      expectNoToken(error, "StorageUploadError");
    });

    it("files.upload: storage refuses an upload URL that quotes the token, and quotes it back", async () => {
      const server = await serve((req, res) => {
        // Storage gets no token: it can only quote the URL the API handed out.
        if (req.url?.startsWith("/storage/")) {
          return void res
            .writeHead(403, { "content-type": "application/xml", "x-echo": req.url })
            .end(`<Error><Code>AccessDenied</Code><Message>no access to ${req.url}</Message></Error>`);
        }
        const sent = req.headers.authorization?.replace(/^Bearer /, "");
        if (!sent) return void res.writeHead(400).end();
        const uploadUrl = `http://${req.headers.host}/storage/${spell(sent)}`;
        res
          .writeHead(200, { "content-type": "application/json" })
          .end(JSON.stringify({ fileId: "f-1", uploadUrl, aws: {} }));
      });
      const datasets = createFriendliDatasets({ baseURL: server.url, token, maxRetries: 0 });
      const error = await datasets.files
        .upload(new Uint8Array([1, 2, 3]), { name: "a.bin", projectId: "p-1" })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StorageUploadError);
      expect((error as StorageUploadError).status).toBe(403);
      expect(server.requests.some((r) => r.path.startsWith("/storage/"))).toBe(true);
      expectNoToken(error, "StorageUploadError");
    });

    it("datasets.list: an answer of the wrong shape (InvalidResponseError)", async () => {
      const datasets = await echoing((sent) => ({ data: `not a list ${spell(sent)}` }), token);
      const error = await datasets.datasets.list({ projectId: "p-1" }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(InvalidResponseError);
      expectNoToken(error, "datasets.list");
    });
  },
);
