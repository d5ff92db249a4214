import { createHash } from "node:crypto";
import { expect, it } from "vitest";
import { sha256Hex } from "../../src/sha256-hex.ts";

it("matches Node's sha256 of the same bytes", async () => {
  const bytes = new TextEncoder().encode("friendli");
  expect(await sha256Hex(bytes)).toBe(createHash("sha256").update(bytes).digest("hex"));
});
