export type LogLevel = "debug" | "info" | "warn" | "error" | "off";

/** Anything with console's four methods: console itself, pino, winston, ... */
export interface Logger {
  debug(message: string, ...rest: unknown[]): void;
  info(message: string, ...rest: unknown[]): void;
  warn(message: string, ...rest: unknown[]): void;
  error(message: string, ...rest: unknown[]): void;
}

const rank: Record<LogLevel, number> = { debug: 0, info: 1, warn: 2, error: 3, off: 4 };

/** What a leveled logger holds for a level it drops, so a caller can skip building the message. */
export const dropped = (): void => {};

/** A logger that drops messages below `level`. */
export function leveledLogger(logger: Logger, level: LogLevel): Logger {
  const at = (wanted: Exclude<LogLevel, "off">) =>
    rank[wanted] >= rank[level] ? logger[wanted].bind(logger) : dropped;
  return { debug: at("debug"), info: at("info"), warn: at("warn"), error: at("error") };
}

export function isLogLevel(value: string | undefined): value is LogLevel {
  return value !== undefined && value in rank;
}
