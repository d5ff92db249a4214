import { describe, expect, it } from "vitest";
import { runStep } from "./scratch-clone.ts";

describe("runStep", () => {
  it("a step that hangs is killed at its limit and the error names its command", async () => {
    const started = Date.now();
    await expect(
      runStep(process.execPath, ["-e", "console.log('waiting'); setInterval(() => {}, 1000)"], {
        cwd: process.cwd(),
        timeoutMs: 1_000,
      }),
    ).rejects.toThrow(/`.*node -e console\.log\('waiting'\).*` did not finish in 1 s:\nwaiting/);
    expect(Date.now() - started).toBeLessThan(20_000);
  });

  it("a step that ends gives its exit code and everything it printed", async () => {
    const done = await runStep(process.execPath, ["-e", "console.log('out'); console.error('err'); process.exit(3)"], {
      cwd: process.cwd(),
      timeoutMs: 20_000,
    });
    expect(done).toEqual({ code: 3, output: expect.stringMatching(/out\n[\s\S]*err\n|err\n[\s\S]*out\n/) });
  });
});
