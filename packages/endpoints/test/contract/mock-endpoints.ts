import { findOperation } from "@friendli-ts/client/internal";
// Brings in the type of the mock server URL the global setup provides.
import type {} from "@friendli-ts/test-kit/global-setup";
import { inject } from "vitest";
import { createFriendliEndpoints, type SharedClientOptions } from "../../src/index.ts";

export interface SentRequest {
  operationId: string | undefined;
  method: string;
  url: URL;
  headers: Headers;
  status: number;
}

/**
 * Endpoints helpers pointed at the run's Prism mock server. A request the spec forbids
 * gets the mock's 422 (a ValidationError naming the problem); every request is recorded in
 * `sent`, with the spec operation it reached.
 */
export function mockEndpoints(options: SharedClientOptions = {}) {
  const sent: SentRequest[] = [];
  const recordingFetch: typeof fetch = async (input, init) => {
    const request = new Request(input, init);
    const response = await fetch(request);
    const url = new URL(request.url);
    sent.push({
      operationId: findOperation(request.method, url.pathname)?.operationId,
      method: request.method,
      url,
      headers: request.headers,
      status: response.status,
    });
    return response;
  };
  const endpoints = createFriendliEndpoints({
    baseURL: inject("mockServerUrl"),
    token: "test-token",
    maxRetries: 0,
    fetch: recordingFetch,
    ...options,
  });
  return { endpoints, sent };
}
