import { serveFaults } from "@friendli-ts/test-kit";
import { beforeAll, describe, expect, it } from "vitest";
import { assertBuilt, runCliAt } from "../support/run-cli.ts";

const serve = serveFaults();
beforeAll(assertBuilt);

describe("a team or token no HTTP header can carry is a usage error", () => {
  it.each([
    ["a Hangul team", ["--team", "팀"], /--team "팀" cannot be sent as the X-Friendli-Team header/],
    ["a team with a control character", ["--team", "a\u0001b"], /cannot be sent as the X-Friendli-Team header/],
    ["a token beyond ASCII", ["--token", "tøken"], /InvalidInputError/],
  ])("%s: exit 2, nothing sent", async (_what, flags, message) => {
    const server = await serve(
      (_req, res) => void res.writeHead(200, { "content-type": "application/json" }).end("{}"),
    );
    const { code, stderr } = await runCliAt(server.url, [...flags, "endpoints", "list"]);
    expect(stderr).toMatch(message);
    expect(code).toBe(2);
    expect(server.requests).toHaveLength(0);
  });
});
