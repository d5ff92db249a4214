import type { Command } from "commander";
import { portNumber } from "../parse-args.ts";
import type { Session } from "../session.ts";
import { out } from "../terminal.ts";

export function registerMock(program: Command, session: Session): void {
  program
    .command("mock")
    .description("serve a mock of the Friendli API on 127.0.0.1 until Ctrl-C, for clients in any language")
    .option("-p, --port <port>", "the port to serve on, 1-65535 (default: a free one)", portNumber)
    .option("--no-state", "keep nothing the management API creates: every id gets the spec's example")
    .addHelpText(
      "after",
      "\nPrints the base URL on stdout. Point any OpenAI-compatible client at <url>/serverless/v1 (or\n" +
        "/dedicated/v1, or /v1 for a container); any token is accepted. Requests the API spec forbids\n" +
        "get a 422 listing each problem. Needs @stoplight/prism-cli ~5.14.2.",
    )
    .action((options: { port?: number; state: boolean }) => serveMock(session, options.port, options.state));
}

async function serveMock(session: Session, port: number | undefined, state: boolean): Promise<void> {
  const mock = await session.startMock(port, { state });
  out(`${mock.url}\n`);
  // Until Ctrl-C aborts the run; `main` then stops the mock (Prism also ends with us on any signal).
  await new Promise<void>((resolve) => {
    if (session.signal.aborted) resolve();
    else session.signal.addEventListener("abort", () => resolve(), { once: true });
  });
}
