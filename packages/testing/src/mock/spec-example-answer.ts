import { generateSync, type JsonSchema } from "json-schema-faker";
import { JSON_TYPE, type SpecIndex, type SpecOperation, SSE } from "../spec-check/spec-index.ts";
import { FAKE_LIMITS } from "./fake-size-problem.ts";
import type { UpstreamAnswer } from "./start-recording-proxy.ts";

/** What the spec itself answers for an operation: its first success status, media type and body text. */
interface SpecAnswer {
  status: number;
  type: string | undefined;
  text: string;
}

const cache = new WeakMap<SpecIndex, Map<string, SpecAnswer>>();

/**
 * The answer the spec gives an accepted request with no other answer, as Prism's static mock
 * picks it in the server mode: the operation's first success status, the event stream or JSON
 * as asked, its first example, else a value made from its schema (the same every time). The
 * engine builds its answers that follow the request on it, as on Prism's.
 */
export function specExampleAnswer(spec: SpecIndex, op: SpecOperation, stream: boolean): UpstreamAnswer {
  let answers = cache.get(spec);
  if (!answers) {
    answers = new Map();
    cache.set(spec, answers);
  }
  const key = `${op.operationId} ${stream}`;
  let answer = answers.get(key);
  if (!answer) {
    answer = exampleOf(spec, op, stream);
    answers.set(key, answer);
  }
  const { status, type, text } = answer;
  return {
    status,
    headers: type ? { "content-type": type } : {},
    json: async () => {
      try {
        return JSON.parse(text);
      } catch {
        return undefined;
      }
    },
    text: async () => text,
  };
}

function exampleOf(spec: SpecIndex, op: SpecOperation, stream: boolean): SpecAnswer {
  const status = Object.keys(op.responses).find((s) => /^2\d\d$/.test(s)) ?? "200";
  const content = op.responses[status]?.content ?? {};
  const types = Object.keys(content);
  const type = stream && content[SSE] ? SSE : content[JSON_TYPE] ? JSON_TYPE : types.find((t) => t !== SSE);
  const media = type === undefined ? undefined : content[type];
  if (!media || type === undefined) return { status: Number(status), type: undefined, text: "" };
  const examples = media.examples ? Object.values(media.examples) : [];
  const value = examples.length > 0 ? examples[0]?.value : media.example;
  if (value !== undefined)
    return { status: Number(status), type, text: typeof value === "string" ? value : JSON.stringify(value) };
  if (type === SSE || media.schema === undefined) return { status: Number(status), type, text: "" };
  let made: unknown;
  try {
    made = generateSync({ ...(media.schema as object), components: spec.doc.components } as JsonSchema, {
      seed: 1,
      maxDepth: FAKE_LIMITS.refDepth,
      maxDefaultItems: 1,
      alwaysFakeOptionals: false,
    });
  } catch {
    made = {};
  }
  return { status: Number(status), type, text: JSON.stringify(made) };
}
