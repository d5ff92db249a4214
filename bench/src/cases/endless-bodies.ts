import { APIError, createFriendliClient, ResponseTooLargeError } from "@friendli-ts/client";
import { createParser } from "eventsource-parser";
import type { BenchServer } from "../start-server.ts";

// A server that never ends a body: one SSE line, or a 500's text. The client reads it up to
// its cap (set to the size measured) and lets go. Beside it, on the same bytes in the same
// 64 kB pieces: eventsource-parser alone (the peer), and fetch + reader draining the bytes
// (the floor: what the network costs before anyone parses).

export const ENDLESS_SIZES_MB = [16, 64] as const;
const PIECE = 64 * 1024;
const body = { model: "bench-model", messages: [{ role: "user" as const, content: "never stop" }] };

export interface Measure {
  ms: number;
  /**
   * Highest growth of heap plus external memory (buffers, large strings) seen while the run went
   * on, MB: sampled every 2 ms, from a GC before it.
   */
  heapMB: number;
}

const gc = (globalThis as { gc?: () => void }).gc;

/** `run` may call `sample` itself where it runs long without yielding (the parser alone). */
async function measured(run: (sample: () => void) => Promise<void>): Promise<Measure> {
  gc?.();
  const used = () => {
    const { heapUsed, external } = process.memoryUsage();
    return heapUsed + external;
  };
  const base = used();
  let peak = 0;
  const sample = () => {
    peak = Math.max(peak, used() - base);
  };
  const timer = setInterval(sample, 2);
  const start = performance.now();
  try {
    await run(sample);
  } finally {
    clearInterval(timer);
  }
  const ms = performance.now() - start;
  sample();
  return { ms, heapMB: peak / 2 ** 20 };
}

/** The bytes the client sees, as the pieces the server writes: `data: ` then `a` forever, cut at `bytes`. */
function sseInput(bytes: number): Uint8Array[] {
  const encoder = new TextEncoder();
  const pieces = [encoder.encode("data: ")];
  const piece = new Uint8Array(PIECE).fill(0x61);
  for (let sent = 0; sent < bytes; sent += PIECE) pieces.push(piece);
  return pieces;
}

/** Each case, for each size: client SSE, client error body, eventsource-parser alone, fetch drain. */
export function endlessCases(server: BenchServer): Record<string, () => Promise<Measure>> {
  const cases: Record<string, () => Promise<Measure>> = {};
  for (const mb of ENDLESS_SIZES_MB) {
    const bytes = mb * 2 ** 20;
    const client = createFriendliClient({
      baseURL: server.url,
      token: "bench",
      maxRetries: 0,
      maxEventBytes: bytes,
      maxErrorBodyBytes: bytes,
    });
    cases[`endless_sse_${mb}mb`] = () =>
      measured(async () => {
        const stream = await client.stream("/serverless/v1/chat/completions#stream", {
          body,
          headers: { "x-bench-endless": "sse" },
        });
        try {
          for await (const _ of stream);
          throw new Error("the endless stream ended");
        } catch (error) {
          if (!(error instanceof ResponseTooLargeError)) throw error;
        }
      });
    cases[`endless_error_${mb}mb`] = () =>
      measured(async () => {
        try {
          await client.POST("/serverless/v1/chat/completions", { body, headers: { "x-bench-endless": "error" } });
          throw new Error("the endless error body was answered");
        } catch (error) {
          if (!(error instanceof APIError) || (error.body as string).length !== bytes) throw error;
        }
      });
    const input = sseInput(bytes);
    cases[`endless_parser_${mb}mb`] = () =>
      measured(async (sample) => {
        const parser = createParser({ onEvent: () => {} });
        const decoder = new TextDecoder();
        input.forEach((piece, i) => {
          parser.feed(decoder.decode(piece, { stream: true }));
          // Synchronous, so the timer never fires: the heap is sampled here instead.
          if (i % 16 === 0) sample();
        });
        sample();
      });
    cases[`endless_drain_${mb}mb`] = () =>
      measured(async () => {
        const res = await fetch(`${server.url}/serverless/v1/chat/completions`, {
          method: "POST",
          headers: { "x-bench-endless": "sse", "content-type": "application/json" },
          body: JSON.stringify(body),
        });
        const reader = (res.body as ReadableStream<Uint8Array>).getReader();
        let read = 0;
        while (read < bytes) read += ((await reader.read()).value as Uint8Array).byteLength;
        await reader.cancel();
      });
  }
  return cases;
}
