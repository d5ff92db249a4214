#!/usr/bin/env node
// `friendli-mock [--port <n>] [--no-state]`: serves the mock on 127.0.0.1 until Ctrl-C (or SIGTERM, SIGHUP),
// and prints its base URL on stdout, for clients in any language.
import { parseArgs } from "node:util";
import { startMockServer } from "../mock/start-mock-server.ts";

const USAGE = "usage: friendli-mock [--port <port>] [--no-state]";

function portOf(value: string | undefined): number | undefined {
  if (value === undefined) return undefined;
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 1 || port > 65_535) throw new Error(`--port must be from 1 to 65535\n${USAGE}`);
  return port;
}

const OPTIONS = {
  port: { type: "string", short: "p" },
  "no-state": { type: "boolean" },
  help: { type: "boolean", short: "h" },
} as const;

function readArgs() {
  try {
    return parseArgs({ options: OPTIONS, strict: true }).values;
  } catch (error) {
    throw new Error(`${(error as Error).message}\n${USAGE}`);
  }
}

async function main(): Promise<void> {
  const values = readArgs();
  if (values.help) {
    process.stdout.write(
      `${USAGE}\n\nServes a mock of the Friendli API on 127.0.0.1 until Ctrl-C and prints its base URL.\n` +
        "Point an OpenAI-compatible client at <url>/serverless/v1 (or /dedicated/v1, or /v1 for a\n" +
        "container); any token is accepted. Needs @stoplight/prism-cli ~5.14.2.\n\n" +
        "  -p, --port <port>  the port to serve on (default: a free one)\n" +
        "  --no-state         keep nothing the management API creates: every id gets the spec's example\n",
    );
    return;
  }
  const port = portOf(values.port);
  process.stderr.write("starting the mock server...\n");
  const mock = await startMockServer({
    ...(port !== undefined && { port }),
    ...(values["no-state"] && { state: false }),
  });
  process.stdout.write(`${mock.url}\n`);
  let stopping = false;
  const stop = () => {
    if (stopping) return;
    stopping = true;
    mock.stop().then(
      () => process.exit(0),
      () => process.exit(1),
    );
  };
  for (const signal of ["SIGINT", "SIGTERM", "SIGHUP"] as const) process.on(signal, stop);
}

// Prism's output can end up in an error: control characters and bidi overrides are shown as
// `\u001b`, not obeyed by the terminal (newlines and tabs kept).
// biome-ignore lint/suspicious/noControlCharactersInRegex: these are the characters escaped
const UNSAFE = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g;
const printable = (text: string) =>
  text.replace(UNSAFE, (char) => `\\u${char.charCodeAt(0).toString(16).padStart(4, "0")}`);

main().catch((error: unknown) => {
  process.stderr.write(`friendli-mock: ${printable(error instanceof Error ? error.message : String(error))}\n`);
  process.exit(1);
});
