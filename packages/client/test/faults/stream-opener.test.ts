import { serveFaults } from "@friendli-ts/test-kit";
import { describe, expect, it } from "vitest";
import { makeRequest } from "../../src/client/make-request.ts";
import { openStream } from "../../src/client/open-stream.ts";
import { serverlessChatStream } from "../../src/generated/routes.ts";
import { coreOf } from "../../src/internal.ts";
import { chatBody, chunk, faultClient } from "../support/fault-client.ts";

const serve = serveFaults();

// The routes are data; a stream call brings the code that opens its events.
describe("a stream route's opener comes with the call", () => {
  it("opens the events with the opener the call passes", async () => {
    const server = await serve(
      (_req, res) =>
        void res.writeHead(200, { "content-type": "text/event-stream" }).end(`${chunk("Hi")}data: [DONE]\n\n`),
    );
    const core = coreOf(faultClient(server.url));
    const stream = await makeRequest(core, { route: serverlessChatStream, body: chatBody, openStream });
    const texts: string[] = [];
    for await (const event of stream) texts.push(event.data.choices[0]?.delta.content ?? "");
    expect(texts).toEqual(["Hi"]);
  });
});
