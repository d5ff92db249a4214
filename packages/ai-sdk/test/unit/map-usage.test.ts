import { describe, expect, it } from "vitest";
import { mapUsage } from "../../src/map-usage.ts";

describe("mapUsage", () => {
  it("splits cached input tokens and reasoning output tokens off the totals", () => {
    const usage = mapUsage(
      {
        prompt_tokens: 10,
        completion_tokens: 7,
        prompt_tokens_details: { cached_tokens: 4 },
        completion_tokens_details: { reasoning_tokens: 3 },
      },
      null,
    );
    expect(usage.inputTokens).toEqual({ total: 10, noCache: 6, cacheRead: 4, cacheWrite: undefined });
    expect(usage.outputTokens).toEqual({ total: 7, text: 4, reasoning: 3 });
  });

  it("without details, the whole input is uncached and the whole output text", () => {
    const usage = mapUsage({ prompt_tokens: 5, completion_tokens: 2 }, null);
    expect(usage.inputTokens).toEqual({ total: 5, noCache: 5, cacheRead: undefined, cacheWrite: undefined });
    expect(usage.outputTokens).toEqual({ total: 2, text: 2, reasoning: undefined });
  });

  it("a count that cannot be one is unknown, never passed on", () => {
    const usage = mapUsage(
      {
        prompt_tokens: -3,
        completion_tokens: 1.5,
        prompt_tokens_details: { cached_tokens: Number.NaN },
        completion_tokens_details: { reasoning_tokens: "2" },
      },
      null,
    );
    expect(usage.inputTokens).toEqual({
      total: undefined,
      noCache: undefined,
      cacheRead: undefined,
      cacheWrite: undefined,
    });
    expect(usage.outputTokens).toEqual({ total: undefined, text: undefined, reasoning: undefined });
  });

  it("a part larger than its total leaves the split unknown (no noCacheTokens: -40)", () => {
    const usage = mapUsage(
      {
        prompt_tokens: 10,
        completion_tokens: 1,
        prompt_tokens_details: { cached_tokens: 50 },
        completion_tokens_details: { reasoning_tokens: 9 },
      },
      null,
    );
    expect(usage.inputTokens).toMatchObject({ total: 10, noCache: undefined, cacheRead: 50 });
    expect(usage.outputTokens).toMatchObject({ total: 1, text: undefined, reasoning: 9 });
  });

  it("the raw usage is handed on with the secret redacted", () => {
    const usage = mapUsage({ prompt_tokens: 1, note: "echo flp_secret" } as never, "flp_secret");
    expect(usage.raw).toEqual({ prompt_tokens: 1, note: "echo [redacted]" });
  });
});
