import { APICallError, InvalidArgumentError } from "@ai-sdk/provider";
import {
  APIError,
  APIUserAbortError,
  FriendliError,
  InvalidInputError,
  InvalidResponseError,
  StreamEventError,
} from "@friendli-ts/inference";
import { headersRecord } from "./headers-record.ts";
import { TOO_DEEP } from "./redacted-copy.ts";

/** Where a failed call went, for the AI SDK's error: the URL and the body sent. */
export interface FailedCall {
  url: string;
  body: unknown;
}

/**
 * Turns what the Friendli client throws into the AI SDK's error types. The client has
 * already retried what it may (one retry layer: the client's, see the README) and removed
 * the token from every field, so `isRetryable` is false: the AI SDK must not try again.
 * An abort becomes an `AbortError`, which the AI SDK recognises as one.
 */
export function toAiSdkError(error: unknown, call: FailedCall): unknown {
  if (error instanceof APIUserAbortError) {
    return Object.assign(new DOMException(error.message, "AbortError"), { cause: error });
  }
  if (error instanceof InvalidInputError) {
    return new InvalidArgumentError({ argument: "request", message: error.message, cause: error });
  }
  if (error instanceof APIError) {
    return new APICallError({
      message: error.message,
      url: error.url || call.url,
      requestBodyValues: call.body,
      statusCode: error.status,
      responseHeaders: headersRecord(error.headers, null),
      responseBody: bodyText(error.body),
      data: error.body,
      isRetryable: false,
      cause: error,
    });
  }
  if (error instanceof FriendliError) {
    // No usable answer: a lost connection, a timeout, a cut or broken stream, a body that
    // is not what the operation promises.
    const invalid = error instanceof InvalidResponseError ? error : undefined;
    return new APICallError({
      message: error.message,
      url: call.url,
      requestBodyValues: call.body,
      statusCode: invalid?.status,
      responseHeaders: headersRecord(invalid?.headers, null),
      responseBody: invalid?.bodyStart,
      data: error instanceof StreamEventError ? error.error : undefined,
      isRetryable: false,
      cause: error,
    });
  }
  return error;
}

function bodyText(body: unknown): string | undefined {
  if (body === undefined || body === null) return undefined;
  if (typeof body === "string") return body;
  try {
    return JSON.stringify(body);
  } catch {
    return TOO_DEEP;
  }
}
