import { afterEach, describe, expect, it, vi } from "vitest";
import { InvalidInputError } from "../../src/errors/friendli-error.ts";
import { DEFAULT_BASE_URL, resolveClientOptions } from "../../src/transport/client-options.ts";

afterEach(() => vi.unstubAllEnvs());

describe("resolveClientOptions", () => {
  it("a base URL it cannot use is never quoted with its password", () => {
    for (const baseURL of [
      "https://me:pa55word@api .example",
      "me:pa55word@api.example",
      "https://me:pa55word@api.example",
    ]) {
      const error = (() => {
        try {
          resolveClientOptions({ baseURL });
        } catch (e) {
          return e as Error;
        }
      })();
      expect(error, baseURL).toBeInstanceOf(InvalidInputError);
      expect(error?.message).not.toContain("pa55word");
    }
  });

  it("takes token, team and base URL from the environment", () => {
    vi.stubEnv("FRIENDLI_TOKEN", "flp_env");
    vi.stubEnv("FRIENDLI_TEAM", "team-env");
    vi.stubEnv("FRIENDLI_BASE_URL", "");
    const resolved = resolveClientOptions();
    expect(resolved).toMatchObject({ token: "flp_env", teamId: "team-env", baseURL: DEFAULT_BASE_URL });
  });

  it("explicit options win, and null turns the token off", () => {
    vi.stubEnv("FRIENDLI_TOKEN", "flp_env");
    expect(resolveClientOptions({ token: null }).token).toBeNull();
    expect(resolveClientOptions({ baseURL: "http://127.0.0.1:8000/" }).baseURL).toBe("http://127.0.0.1:8000");
  });

  it.each([
    [{ baseURL: "api.friendli.ai" }, /absolute http/],
    [{ baseURL: "ftp://x" }, /http or https/],
    [{ timeout: -1 }, /timeout/],
    [{ maxRetries: 1.5 }, /maxRetries/],
    [{ token: "two words" }, /token/],
    [{ token: "" }, /token/],
  ])("rejects %o before any request", (options, message) => {
    expect(() => resolveClientOptions(options)).toThrowError(InvalidInputError);
    expect(() => resolveClientOptions(options)).toThrowError(message);
  });

  it("a bad token's error does not repeat it", () => {
    const error = (() => {
      try {
        resolveClientOptions({ token: "flp secret" });
      } catch (e) {
        return e as Error;
      }
    })();
    expect(error?.message).not.toContain("flp secret");
  });

  it("withOptions-style overrides keep what they do not change", () => {
    const base = resolveClientOptions({ token: "t", teamId: "a", timeout: 10 });
    const next = resolveClientOptions({ timeout: 20 }, base);
    expect(next).toMatchObject({ token: "t", teamId: "a", timeout: 20 });
  });
});
