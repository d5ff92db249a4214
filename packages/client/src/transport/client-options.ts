import { InvalidInputError } from "../errors/friendli-error.ts";
import { checkHeaders, checkTeamId, checkToken } from "./check-header-value.ts";
import { isLogLevel, type Logger, type LogLevel, leveledLogger } from "./logger.ts";
import type { Middleware } from "./middleware.ts";
import { readEnv } from "./read-env.ts";

export const DEFAULT_BASE_URL = "https://api.friendli.ai";

/** A token, or a function that gives one per request (for short-lived tokens). */
export type TokenSource = string | (() => string | Promise<string>);

export interface RetryOptions {
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number;
  /** First backoff delay in ms; doubles each retry, with jitter. Default 500. */
  initialDelayMs?: number;
  /** Longest wait between attempts, including a server's Retry-After. Default 8000. */
  maxDelayMs?: number;
  /**
   * Also retry operations that may act twice (creating an endpoint, adding samples) after
   * the server may have acted on them. Default false: see the retry table in the README.
   */
  retryNonIdempotent?: boolean;
}

export interface ClientOptions extends RetryOptions {
  /**
   * Friendli token, or a function returning one, called for each request. Default: the
   * FRIENDLI_TOKEN environment variable. `null`: none (containers).
   */
  token?: TokenSource | null;
  /** Team to act for, sent as `X-Friendli-Team` where the spec takes it. Default: FRIENDLI_TEAM. */
  teamId?: string | null;
  /** Default: FRIENDLI_BASE_URL, else https://api.friendli.ai. A container gives its own URL. */
  baseURL?: string;
  /**
   * Ms an attempt may take: to the last byte of a JSON answer, to the headers of a stream.
   * 0 turns it off. Default 60000.
   */
  timeout?: number;
  /** Ms a stream may go without a byte before it fails with APITimeoutError. Default: `timeout`. */
  idleTimeout?: number;
  /** Headers sent with every request to the API. */
  defaultHeaders?: Record<string, string>;
  /** Your own fetch (a proxy agent, a test server, a mock). Default: globalThis.fetch. */
  fetch?: typeof fetch;
  /** Hooks that see (and may replace) each request and answer: tracing, logging. */
  middleware?: Middleware[];
  /** Where log lines go. Default: console. */
  logger?: Logger;
  /** Default: FRIENDLI_LOG, else "warn". */
  logLevel?: LogLevel;
}

/** Options with every default applied and every value checked. */
export interface ResolvedClientOptions {
  token: TokenSource | null;
  teamId: string | null;
  baseURL: string;
  timeout: number;
  idleTimeout: number | undefined;
  maxRetries: number;
  initialDelayMs: number;
  maxDelayMs: number;
  retryNonIdempotent: boolean;
  /** Lower-case names. */
  defaultHeaders: Record<string, string>;
  fetch: typeof fetch;
  middleware: Middleware[];
  logger: Logger;
}

// setTimeout fires at once past this, so a longer timeout would fail every call.
export const MAX_TIMEOUT_MS = 2_147_483_647;

export function checkCount(name: string, value: unknown, max = Number.MAX_SAFE_INTEGER): number {
  if (typeof value !== "number" || !Number.isInteger(value) || value < 0 || value > max) {
    throw new InvalidInputError(`${name} must be a whole number from 0 to ${max}, got ${String(value)}`);
  }
  return value;
}

function checkBaseURL(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidInputError(`baseURL must be an absolute http(s) URL, got "${value}"`);
  }
  if (url.protocol !== "http:" && url.protocol !== "https:") {
    throw new InvalidInputError(`baseURL must use http or https, got "${url.protocol}"`);
  }
  if (url.search || url.hash || url.username || url.password) {
    throw new InvalidInputError("baseURL may not carry a query, a fragment or credentials");
  }
  return `${url.origin}${url.pathname.replace(/\/+$/, "")}`;
}

function checkTeam(value: unknown): string | null {
  return value === null || value === undefined ? null : checkTeamId(value);
}

/** Fills in defaults from the environment and checks every value before any request. */
export function resolveClientOptions(options: ClientOptions = {}, base?: ResolvedClientOptions): ResolvedClientOptions {
  const token = options.token !== undefined ? options.token : (base?.token ?? readEnv("FRIENDLI_TOKEN") ?? null);
  if (token !== null && typeof token !== "function") checkToken(token);
  const fetchImpl = options.fetch ?? base?.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== "function") {
    throw new InvalidInputError("no fetch is available in this runtime; pass one as the `fetch` option");
  }
  const envLevel = readEnv("FRIENDLI_LOG");
  const logLevel = options.logLevel ?? (isLogLevel(envLevel) ? envLevel : "warn");
  const timeout = checkCount("timeout", options.timeout ?? base?.timeout ?? 60_000, MAX_TIMEOUT_MS);
  const idleTimeout = options.idleTimeout ?? base?.idleTimeout;
  return {
    token,
    teamId: checkTeam(options.teamId !== undefined ? options.teamId : (base?.teamId ?? readEnv("FRIENDLI_TEAM"))),
    baseURL: checkBaseURL(options.baseURL ?? base?.baseURL ?? readEnv("FRIENDLI_BASE_URL") ?? DEFAULT_BASE_URL),
    timeout,
    idleTimeout: idleTimeout === undefined ? undefined : checkCount("idleTimeout", idleTimeout, MAX_TIMEOUT_MS),
    maxRetries: checkCount("maxRetries", options.maxRetries ?? base?.maxRetries ?? 2, 100),
    initialDelayMs: checkCount("initialDelayMs", options.initialDelayMs ?? base?.initialDelayMs ?? 500, MAX_TIMEOUT_MS),
    maxDelayMs: checkCount("maxDelayMs", options.maxDelayMs ?? base?.maxDelayMs ?? 8_000, MAX_TIMEOUT_MS),
    retryNonIdempotent: options.retryNonIdempotent ?? base?.retryNonIdempotent ?? false,
    defaultHeaders: { ...base?.defaultHeaders, ...checkHeaders(options.defaultHeaders, "defaultHeaders") },
    // Bound, so a user's fetch that relies on `this` still works.
    fetch: options.fetch ? options.fetch.bind(globalThis) : (base?.fetch ?? globalThis.fetch.bind(globalThis)),
    middleware: options.middleware ?? base?.middleware ?? [],
    logger:
      options.logger || options.logLevel || !base ? leveledLogger(options.logger ?? console, logLevel) : base.logger,
  };
}
