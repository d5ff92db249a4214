import { InvalidInputError } from "../errors/friendli-error.ts";
import { isLogLevel, type Logger, type LogLevel, leveledLogger } from "./logger.ts";
import { readEnv } from "./read-env.ts";

export const DEFAULT_BASE_URL = "https://api.friendli.ai";

export interface RetryOptions {
  /** Retries after the first attempt. Default 2. */
  maxRetries?: number;
  /** First backoff delay in ms; doubles each retry, with jitter. Default 500. */
  initialDelayMs?: number;
  /** Longest wait between attempts, including a server's Retry-After. Default 8000. */
  maxDelayMs?: number;
  /**
   * Also retry calls that may change state (creating an endpoint, adding samples) after
   * the server may have acted on them. Default false: those are retried only when the
   * server surely did not act (connection refused, 429).
   */
  retryNonIdempotent?: boolean;
}

export interface ClientOptions extends RetryOptions {
  /** Friendli token. Default: the FRIENDLI_TOKEN environment variable. Containers need none. */
  token?: string | null;
  /** Team to act for, sent as `X-Friendli-Team`. Default: FRIENDLI_TEAM. */
  teamId?: string | null;
  /** Default: FRIENDLI_BASE_URL, else https://api.friendli.ai. A container gives its own URL. */
  baseURL?: string;
  /** Abort an attempt after this many ms (headers for streams, the whole body otherwise). Default 60000. */
  timeout?: number;
  /** Headers sent with every request. */
  defaultHeaders?: Record<string, string>;
  /** Your own fetch (a proxy agent, a test server, a mock). Default: globalThis.fetch. */
  fetch?: typeof fetch;
  /** Where log lines go. Default: console. */
  logger?: Logger;
  /** Default: FRIENDLI_LOG, else "warn". */
  logLevel?: LogLevel;
}

/** Options with every default applied and every value checked. */
export interface ResolvedClientOptions {
  token: string | null;
  teamId: string | null;
  baseURL: string;
  timeout: number;
  maxRetries: number;
  initialDelayMs: number;
  maxDelayMs: number;
  retryNonIdempotent: boolean;
  defaultHeaders: Record<string, string>;
  fetch: typeof fetch;
  logger: Logger;
}

function nonNegativeInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value < 0) {
    throw new InvalidInputError(`${name} must be a whole number of 0 or more, got ${String(value)}`);
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
  return value.replace(/\/+$/, "");
}

/** Fills in defaults from the environment and checks every value before any request. */
export function resolveClientOptions(options: ClientOptions = {}, base?: ResolvedClientOptions): ResolvedClientOptions {
  const token = options.token !== undefined ? options.token : (base?.token ?? readEnv("FRIENDLI_TOKEN") ?? null);
  if (token !== null && (typeof token !== "string" || /\s/.test(token) || token === "")) {
    throw new InvalidInputError("token must be a non-empty string without spaces (check FRIENDLI_TOKEN)");
  }
  const fetchImpl = options.fetch ?? base?.fetch ?? globalThis.fetch;
  if (typeof fetchImpl !== "function") {
    throw new InvalidInputError("no fetch is available in this runtime; pass one as the `fetch` option");
  }
  const envLevel = readEnv("FRIENDLI_LOG");
  const logLevel = options.logLevel ?? (isLogLevel(envLevel) ? envLevel : "warn");
  return {
    token,
    teamId: options.teamId !== undefined ? options.teamId : (base?.teamId ?? readEnv("FRIENDLI_TEAM") ?? null),
    baseURL: checkBaseURL(options.baseURL ?? base?.baseURL ?? readEnv("FRIENDLI_BASE_URL") ?? DEFAULT_BASE_URL),
    timeout: nonNegativeInteger("timeout", options.timeout ?? base?.timeout ?? 60_000),
    maxRetries: nonNegativeInteger("maxRetries", options.maxRetries ?? base?.maxRetries ?? 2),
    initialDelayMs: nonNegativeInteger("initialDelayMs", options.initialDelayMs ?? base?.initialDelayMs ?? 500),
    maxDelayMs: nonNegativeInteger("maxDelayMs", options.maxDelayMs ?? base?.maxDelayMs ?? 8_000),
    retryNonIdempotent: options.retryNonIdempotent ?? base?.retryNonIdempotent ?? false,
    defaultHeaders: { ...base?.defaultHeaders, ...options.defaultHeaders },
    // Bound, so a user's fetch that relies on `this` still works.
    fetch: options.fetch ? options.fetch.bind(globalThis) : (base?.fetch ?? globalThis.fetch.bind(globalThis)),
    logger:
      options.logger || options.logLevel || !base ? leveledLogger(options.logger ?? console, logLevel) : base.logger,
  };
}
