import type { ClientOptions } from "@friendli-ts/client";
import { startMockServer } from "@friendli-ts/test-kit";

/**
 * Runs `main` with client options for the real API when FRIENDLI_TOKEN is set, else for
 * a mock server started from the pinned spec on 127.0.0.1 (stopped when `main` ends).
 */
export async function withApiOrMock(main: (options: ClientOptions, target: string) => Promise<void>): Promise<void> {
  if (process.env.FRIENDLI_TOKEN?.trim()) {
    await main({}, "the Friendli API");
    return;
  }
  const mock = await startMockServer();
  try {
    await main({ baseURL: mock.url, token: "demo-token" }, `the mock server at ${mock.url}`);
  } finally {
    await mock.stop();
  }
}
