import { InvalidInputError } from "../errors/friendli-error.ts";
import { checkHeaders, checkTeamId, checkToken } from "./check-header-value.ts";
import { isLogLevel, type Logger, type LogLevel, leveledLogger } from "./logger.ts";
import type { Middleware } from "./middleware.ts";
import { readEnv } from "./read-env.ts";

export const DEFAULT_BASE_URL = "https://api.friendli.ai";
// Far past any real list (ten thousand pages of a hundred is a million items), still an end.
const DEFAULT_MAX_PAGES = 10_000;

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

/** Caps on what the client holds of a server's answer; a server that sends more cannot grow memory past them. */
export interface SizeLimits {
  /**
   * Bytes a success answer may have (JSON, storage and media bodies); more is a
   * ResponseTooLargeError and the body is cancelled. Default 104857600 (100 MiB).
   */
  maxResponseBytes?: number;
  /**
   * Characters one stream event may have (its data lines and any line still open); more is a
   * ResponseTooLargeError and the stream is cancelled. Default 8388608 (8 Mi).
   */
  maxEventBytes?: number;
  /** Bytes of an error body kept on `APIError.body`; the rest is not read. Default 65536 (64 KiB). */
  maxErrorBodyBytes?: number;
}

export const DEFAULT_MAX_RESPONSE_BYTES = 100 * 1024 * 1024;
export const DEFAULT_MAX_EVENT_BYTES = 8 * 1024 * 1024;
const DEFAULT_MAX_ERROR_BODY_BYTES = 64 * 1024;

export interface ClientOptions extends RetryOptions, SizeLimits {
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
  /**
   * Most pages one `listAll` walk fetches; past it, a server still naming a next page gets
   * a PageLimitError. Default 10000.
   */
  maxPages?: number;
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
  maxResponseBytes: number;
  maxEventBytes: number;
  maxErrorBodyBytes: number;
  /** Lower-case names. */
  defaultHeaders: Record<string, string>;
  fetch: typeof fetch;
  middleware: Middleware[];
  maxPages: number;
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

/**
 * A URL the caller gave, quoted for an error: whatever stands before an `@` (a user name and
 * password, when the text is not a URL that could be taken apart) is left out, and it is cut.
 */
export function quoteWithoutUserinfo(value: string): string {
  const quoted = JSON.stringify(value.replace(/^([a-z][a-z\d+.-]*:\/\/)?.*@/is, "$1...@"));
  return quoted.length > 120 ? `${quoted.slice(0, 117)}..."` : quoted;
}

/** A cap (bytes, pages): a whole number of at least 1, as 0 would refuse every answer. */
export function checkLimit(name: string, value: unknown): number {
  if (value === 0) throw new InvalidInputError(`${name} must be at least 1, got 0`);
  return checkCount(name, value);
}

function checkBaseURL(value: string): string {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new InvalidInputError(`baseURL must be an absolute http(s) URL, got ${quoteWithoutUserinfo(value)}`);
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
    maxResponseBytes: checkLimit(
      "maxResponseBytes",
      options.maxResponseBytes ?? base?.maxResponseBytes ?? DEFAULT_MAX_RESPONSE_BYTES,
    ),
    maxEventBytes: checkLimit("maxEventBytes", options.maxEventBytes ?? base?.maxEventBytes ?? DEFAULT_MAX_EVENT_BYTES),
    maxErrorBodyBytes: checkLimit(
      "maxErrorBodyBytes",
      options.maxErrorBodyBytes ?? base?.maxErrorBodyBytes ?? DEFAULT_MAX_ERROR_BODY_BYTES,
    ),
    defaultHeaders: { ...base?.defaultHeaders, ...checkHeaders(options.defaultHeaders, "defaultHeaders") },
    // Bound, so a user's fetch that relies on `this` still works.
    fetch: options.fetch ? options.fetch.bind(globalThis) : (base?.fetch ?? globalThis.fetch.bind(globalThis)),
    middleware: options.middleware ?? base?.middleware ?? [],
    maxPages: checkLimit("maxPages", options.maxPages ?? base?.maxPages ?? DEFAULT_MAX_PAGES),
    logger:
      options.logger || options.logLevel || !base ? leveledLogger(options.logger ?? console, logLevel) : base.logger,
  };
}
