import { expect } from "vitest";

/**
 * Each call rejects with `errorClass` saying the answer has the wrong shape, and nothing the
 * error shows (its fields and message) quotes `token`, which the answer echoed.
 */
export async function expectWrongShape(
  calls: [string, () => Promise<unknown>][],
  errorClass: abstract new (...args: never[]) => Error,
  token: string,
): Promise<void> {
  for (const [name, call] of calls) {
    const error = await call().catch((e: unknown) => e);
    expect(error, name).toBeInstanceOf(errorClass);
    expect((error as Error).message, name).toMatch(/wrong shape/);
    const seen = JSON.stringify({ ...(error as object), message: (error as Error).message });
    expect(seen, name).not.toContain(token);
  }
}
