import { format } from "node:util";
import { type ClientOptions, InvalidInputError, type Logger } from "@friendli-ts/client";
import { checkTeamId, quoteWithoutUserinfo, readEnv } from "@friendli-ts/client/internal";
import type { MockServer } from "@friendli-ts/testing";
import type { Command } from "commander";
import { UsageError } from "./errors.ts";
import { redactSecrets } from "./redact-secrets.ts";
import { err } from "./terminal.ts";

/** The options every command takes (before or after the command's name). */
export interface GlobalOptions {
  token?: string;
  team?: string;
  baseUrl?: string;
  mock?: boolean;
  json?: boolean;
  maxRetries?: number;
  requestTimeout?: number;
  verbose?: boolean;
}

/** The token used with `--mock` when none is given: the mock checks one is sent, not which. */
const MOCK_TOKEN = "mock-token";

/**
 * The SDK's logger prints to stdout through console.info; a command's stdout is its output,
 * so log lines go to stderr, without the secrets and escaped (they quote the server).
 */
function stderrLogger(secrets: readonly string[]): Logger {
  const log = (...args: unknown[]) => err(`${redactSecrets(format(...args), secrets)}\n`);
  return { debug: log, info: log, warn: log, error: log };
}

/**
 * What one run of `friendli` shares between its command and `main`: the global options,
 * the signal Ctrl-C aborts, and the embedded mock server when `--mock` started one.
 */
export class Session {
  readonly signal: AbortSignal;
  readonly #secrets: readonly string[];
  #program: Command | undefined;
  #mock: MockServer | undefined;

  /** `secrets`: what must not be printed (the tokens and passwords given). */
  constructor(signal: AbortSignal, secrets: readonly string[] = []) {
    this.signal = signal;
    this.#secrets = secrets;
  }

  attach(program: Command): void {
    this.#program = program;
  }

  get globals(): GlobalOptions {
    return this.#program?.opts<GlobalOptions>() ?? {};
  }

  /** `--json`: machine output on stdout. */
  get json(): boolean {
    return Boolean(this.globals.json);
  }

  /** Options for the SDK's clients; starts the mock server first when `--mock` asks for it. */
  async clientOptions(): Promise<ClientOptions> {
    const g = this.globals;
    if (g.mock && g.baseUrl) throw new UsageError("--mock and --base-url cannot be used together");
    // The team and base URL are checked here as well as in the SDK, so that a bad value is a
    // usage error (exit 2), quoted without a password, before anything starts. The
    // environment is read as the SDK reads it (trimmed, empty is unset).
    const team = g.team ?? readEnv("FRIENDLI_TEAM");
    if (team !== undefined) checkTeam(team, g.team !== undefined ? "--team" : "FRIENDLI_TEAM");
    const envBaseUrl = g.mock ? undefined : readEnv("FRIENDLI_BASE_URL");
    let baseURL: string | undefined;
    if (g.baseUrl !== undefined) baseURL = readBaseUrl(g.baseUrl, "--base-url");
    else if (envBaseUrl !== undefined) baseURL = readBaseUrl(envBaseUrl, "FRIENDLI_BASE_URL");
    if (g.mock) baseURL = (await this.#startMock()).url;
    const token = g.token ?? process.env.FRIENDLI_TOKEN ?? (g.mock ? MOCK_TOKEN : undefined);
    if (!token) throw new UsageError("no token: pass --token or set FRIENDLI_TOKEN (or try --mock)");
    return {
      token,
      ...(team !== undefined && { teamId: team }),
      ...(baseURL !== undefined && { baseURL }),
      ...(g.maxRetries !== undefined && { maxRetries: g.maxRetries }),
      ...(g.requestTimeout !== undefined && { timeout: g.requestTimeout }),
      logger: stderrLogger([...this.#secrets, token]),
      ...(g.verbose && { logLevel: "info" as const }),
    };
  }

  /** Every call's options: the run's signal, so Ctrl-C cancels the request in flight. */
  get call(): { signal: AbortSignal } {
    return { signal: this.signal };
  }

  /**
   * Starts the SDK's mock server (once a run), on `port` when given; `state: false` keeps
   * nothing the management API creates. `close()` stops it.
   */
  async startMock(port?: number, { state = true }: { state?: boolean } = {}): Promise<MockServer> {
    return this.#startMock(port, state);
  }

  async #startMock(port?: number, state = true): Promise<MockServer> {
    if (this.#mock) return this.#mock;
    let startMockServer: typeof import("@friendli-ts/testing").startMockServer;
    try {
      ({ startMockServer } = await import("@friendli-ts/testing"));
    } catch (error) {
      throw new Error(`--mock could not load the mock server: ${(error as Error).message}`);
    }
    err("starting the mock server...\n");
    try {
      this.#mock = await startMockServer({ ...(port !== undefined && { port }), ...(!state && { state: false }) });
    } catch (error) {
      const message = (error as Error).message;
      if (message.includes("@stoplight/prism-cli")) {
        throw new Error("--mock needs @stoplight/prism-cli ~5.14.2: npm install @stoplight/prism-cli@~5.14.2");
      }
      throw new Error(`--mock could not start the mock server: ${message}`);
    }
    err(`mock Friendli API on ${this.#mock.url}\n`);
    return this.#mock;
  }

  /** Stops what the run started (the mock server). */
  async close(): Promise<void> {
    const mock = this.#mock;
    this.#mock = undefined;
    await mock?.stop();
  }
}

function readBaseUrl(value: string, flag: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    // Quoted back to help find the mistake, but never with a password in it.
    throw new UsageError(`${flag} ${quoteWithoutUserinfo(value)} is not a URL (e.g. https://api.friendli.ai)`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new UsageError(`${flag} must be an http or https URL, got ${url.protocol}`);
  }
  return value.replace(/\/+$/, "");
}

/** The SDK's rule for a team id, reported as a usage error that names where the value came from. */
function checkTeam(value: string, flag: string): void {
  try {
    checkTeamId(value);
  } catch (error) {
    if (!(error instanceof InvalidInputError)) throw error;
    throw new UsageError(`${flag} ${JSON.stringify(value)} cannot be sent as the X-Friendli-Team header`);
  }
}
