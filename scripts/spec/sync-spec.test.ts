import { mkdtempSync, readFileSync, writeFileSync } from "node:fs";
import { createServer } from "node:http";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { sha256Hex } from "./sha256-hex.ts";
import { chooseSpecSource, syncSpec } from "./sync-spec.ts";

const dir = mkdtempSync(join(tmpdir(), "friendli-spec-"));
const specText = "openapi: 3.1.0\ninfo: { title: t, version: '1' }\npaths: {}\n";

function lockFor(text: string) {
  const file = join(dir, `lock-${Math.random()}.json`);
  writeFileSync(file, JSON.stringify({ file: "s.yaml", sha256: sha256Hex(text), publishedAt: "x", upstream: "" }));
  return file;
}
function specFile(text = specText) {
  const file = join(dir, `spec-${Math.random()}.yaml`);
  writeFileSync(file, text);
  return file;
}

let close: (() => void) | undefined;
afterEach(() => close?.());

describe("syncing the pinned spec", () => {
  it("copies a file whose sha256 matches the pin, then skips the read next time", async () => {
    const target = join(dir, "out", "spec.yaml");
    const lockFile = lockFor(specText);
    const first = await syncSpec({ source: specFile(), lockFile, target });
    expect(first.fresh).toBe(true);
    expect(readFileSync(target, "utf8")).toBe(specText);
    const second = await syncSpec({ source: join(dir, "gone.yaml"), lockFile, target });
    expect(second.fresh).toBe(false);
  });

  it("refuses another file, naming both digests and what to do", async () => {
    const lockFile = lockFor(specText);
    const other = specFile(`${specText}# changed\n`);
    await expect(syncSpec({ source: other, lockFile, target: join(dir, "x.yaml") })).rejects.toThrowError(
      /sha256 [0-9a-f]{64}, but spec\/spec-lock.json pins [0-9a-f]{64}.*update/,
    );
  });

  it("a missing file says which path and which variable to set", async () => {
    await expect(
      syncSpec({ source: join(dir, "missing.yaml"), lockFile: lockFor(specText), target: join(dir, "y.yaml") }),
    ).rejects.toThrowError(/no spec file at .*missing.yaml.*FRIENDLI_SPEC_SOURCE/);
  });

  it("downloads from a URL (a local server here), and reports an HTTP failure", async () => {
    const server = createServer((req, res) => {
      if (req.url === "/spec.yaml") res.end(specText);
      else res.writeHead(404).end();
    });
    await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
    close = () => server.close();
    const base = `http://127.0.0.1:${(server.address() as { port: number }).port}`;
    const target = join(dir, "from-url.yaml");
    await syncSpec({ source: `${base}/spec.yaml`, lockFile: lockFor(specText), target });
    expect(readFileSync(target, "utf8")).toBe(specText);
    await expect(
      syncSpec({ source: `${base}/nope.yaml`, lockFile: lockFor(specText), target: join(dir, "z.yaml") }),
    ).rejects.toThrowError(/answered HTTP 404/);
  });

  it("FRIENDLI_SPEC_SOURCE overrides the default source", () => {
    expect(chooseSpecSource({ FRIENDLI_SPEC_SOURCE: "/tmp/x.yaml" })).toBe("/tmp/x.yaml");
    expect(chooseSpecSource({})).toMatch(/friendli-openapi\.yaml$|^https:/);
  });
});
