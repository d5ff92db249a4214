import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { loadSpecIndex, type MediaObject } from "../../src/mock/spec-operations.ts";
import { responseValidator, toIssues } from "../../src/spec-check/response-validator.ts";

// The mock server answers with the spec's examples, so each must be one a real server could
// send. The published spec has examples that break their own schema or do not parse; the
// normaliser repairs them (scripts/spec/example-repairs.ts, one table). This checks every
// example of every 200 answer of the shipped mock spec with the validator scripted replies
// use, so an example broken upstream fails here until it gets a row in that table.
const mockSpec = fileURLToPath(new URL("../../dist/mock/friendli-openapi.mock.json", import.meta.url));
const spec = loadSpecIndex(mockSpec);

const examplesOf = (media: MediaObject): [string, unknown][] =>
  media.examples
    ? Object.entries(media.examples).map(([name, example]) => [name, example?.value])
    : media.example === undefined
      ? []
      : [["example", media.example]];

/** The events of an SSE example: `event:` and `data:` lines, blocks split by a blank line. */
function parseEvents(text: string): { event?: string; data: string }[] {
  return text.split(/\n\n+/).flatMap((block) => {
    let event: string | undefined;
    const data: string[] = [];
    for (const line of block.split("\n")) {
      const [, field, value = ""] = /^([^:]*):? ?(.*)$/.exec(line) ?? [];
      if (field === "event") event = value;
      else if (field === "data") data.push(value);
      // Other lines (the examples' `...`) are fields SSE ignores.
    }
    return data.length ? [{ ...(event !== undefined && { event }), data: data.join("\n") }] : [];
  });
}

/** Every string under a key naming a URL (`url`, `uploadUrl`, `hugging_face_url`, `s3Uri`). */
function urlFields(value: unknown, path = ""): [string, string][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => urlFields(item, `${path}/${i}`));
  if (typeof value !== "object" || value === null) return [];
  return Object.entries(value).flatMap(([key, item]) =>
    typeof item === "string" && /(url|uri)$/i.test(key)
      ? [[`${path}/${key}`, item] as [string, string]]
      : urlFields(item, `${path}/${key}`),
  );
}

const answers = [...spec.byId.values()].flatMap((op) =>
  Object.entries(op.responses["200"]?.content ?? {}).flatMap(([type, media]) =>
    examplesOf(media ?? {}).map(([name, example]) => ({ op, type, name, example })),
  ),
);

describe("every example of every 200 answer in the mock spec", () => {
  it("there are examples to check, JSON and streams", () => {
    expect(answers.filter((a) => a.type === "application/json").length).toBeGreaterThan(40);
    expect(answers.filter((a) => a.type === "text/event-stream").length).toBeGreaterThan(10);
  });

  it("is valid against its schema: JSON bodies, and each event of a stream (whose data parses)", () => {
    const problems: string[] = [];
    for (const { op, type, name, example } of answers) {
      const validate = responseValidator(spec, op, "200", type);
      const where = `${op.operationId} 200 ${type} example "${name}"`;
      if (!validate) continue;
      if (type !== "text/event-stream") {
        if (!validate(example)) problems.push(`${where}: ${JSON.stringify(toIssues(validate.errors)[0])}`);
        continue;
      }
      if (typeof example !== "string") {
        problems.push(`${where}: not SSE text`);
        continue;
      }
      parseEvents(example).forEach(({ event, data }, i) => {
        if (data === "[DONE]") return;
        let parsed: unknown;
        try {
          parsed = JSON.parse(data);
        } catch {
          problems.push(`${where} event ${i}: data is not JSON: ${data.slice(0, 80)}`);
          return;
        }
        const value = event === undefined ? { data: parsed } : { event, data: parsed };
        if (!validate(value)) problems.push(`${where} event ${i}: ${JSON.stringify(toIssues(validate.errors)[0])}`);
      });
    }
    expect(problems).toEqual([]);
  });

  it("has URLs, not placeholders, where a field names a URL", () => {
    const placeholders = answers.flatMap(({ op, name, example }) =>
      urlFields(example)
        .filter(([, url]) => !/^(https?|s3):\/\/[^\s]+$/.test(url))
        .map(([path, url]) => `${op.operationId} example "${name}" ${path}: ${url}`),
    );
    expect(placeholders).toEqual([]);
  });

  it("the file upload answers have examples, so the mock server need not make up an upload URL", () => {
    const init = spec.byId.get("init_upload");
    for (const status of ["200", "202"]) {
      const media = init?.responses[status]?.content?.["application/json"] ?? {};
      expect(examplesOf(media).length, `init_upload ${status}`).toBe(1);
    }
  });
});
