import { everythingAnErrorShows, findSecret, tokenEchoForms } from "@friendli-ts/test-kit";
import { describe, expect, it } from "vitest";
import { EndpointFailedError, EndpointIdMissingError, EndpointWaitTimeoutError } from "../../src/index.ts";
import { createBody, sendJson, serveEndpoints, statusBody } from "../support/serve-endpoints.ts";

// Random enough that no eight of its characters in a row appear anywhere by chance.
const TOKEN = "Ep_4JwQ8nZx2KvR7mLt9sYb";
const serve = serveEndpoints();

/** Endpoints helpers on a server whose every answer quotes the token it was sent. */
async function echoing(answer: (token: string, method: string) => unknown) {
  const local = await serve(
    (req, res) => {
      const token = req.headers.authorization?.replace(/^Bearer /, "");
      // Another token would make the checks below pass with nothing to find: a refusal instead,
      // and the test fails on the error's class.
      if (token !== TOKEN) return sendJson(res, 400, { message: "not the test's token" });
      sendJson(res, 200, answer(token, req.method ?? ""));
    },
    { token: TOKEN },
  );
  return local.endpoints;
}

function expectNoToken(error: unknown) {
  const leak = findSecret(everythingAnErrorShows(error), TOKEN);
  expect(leak, `the token shows in\n${leak}`).toBeUndefined();
}

describe.each(tokenEchoForms)(
  "the endpoint helpers' errors quote the server's answer without the token (%s)",
  (_form, spell) => {
    it("waitFor: an endpoint that fails (EndpointFailedError.endpoint)", async () => {
      const endpoints = await echoing((token) =>
        statusBody("FAILED", { phase: { message: `quota for ${spell(token)}` } }),
      );
      const error = await endpoints.waitFor("ep-1", "RUNNING", { intervalMs: 1 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EndpointFailedError);
      expectNoToken(error);
    });

    it("waitFor: a wait that runs out (EndpointWaitTimeoutError, with the last status)", async () => {
      const endpoints = await echoing((token) => statusBody("INITIALIZING", { phase: { message: spell(token) } }));
      // Every poll is answered at once: the deadline ends the wait whatever the machine's speed.
      const error = await endpoints
        .waitFor("ep-1", "RUNNING", { intervalMs: 5, timeoutMs: 200 })
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EndpointWaitTimeoutError);
      expectNoToken(error);
    });

    it("createAndWait: a create answer with no usable id (EndpointIdMissingError.created)", async () => {
      const endpoints = await echoing((token) => statusBody("INITIALIZING", { name: spell(token) }));
      const error = await endpoints.createAndWait(createBody, { intervalMs: 1 }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(EndpointIdMissingError);
      expectNoToken(error);
    });
  },
);
