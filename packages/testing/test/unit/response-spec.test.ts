import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { responseSpec } from "../../src/generated/response-spec.ts";
import { loadSpecIndex } from "../../src/mock/spec-operations.ts";
import { responseValidator, toIssues } from "../../src/spec-check/response-validator.ts";
import { indexSpec, JSON_TYPE, type MediaObject } from "../../src/spec-check/spec-index.ts";

// The drift check validates against a compact copy of the spec's answers (annotations and
// request schemas left out). It must judge every answer as the whole normalised spec does:
// each published example, and each example with one field dropped or given another type.
const full = loadSpecIndex(fileURLToPath(new URL("../../dist/mock/friendli-openapi.normalized.json", import.meta.url)));
const compact = indexSpec(responseSpec);

/** The value, then copies of it with one field (at any depth) removed or of another type. */
function variants(value: unknown): unknown[] {
  const out: unknown[] = [value];
  const visit = (node: unknown, rebuild: (replacement: unknown, drop?: boolean) => unknown) => {
    if (Array.isArray(node)) {
      node.forEach((item, i) => {
        visit(item, (r, drop) => rebuild(drop ? node.filter((_, j) => j !== i) : node.with(i, r)));
      });
    } else if (typeof node === "object" && node !== null) {
      for (const key of Object.keys(node)) {
        const inner = (node as Record<string, unknown>)[key];
        const swap = (r: unknown, drop?: boolean) => {
          const copy: Record<string, unknown> = { ...node };
          if (drop) delete copy[key];
          else copy[key] = r;
          return rebuild(copy);
        };
        out.push(swap(undefined, true), swap(typeof inner === "string" ? 12345 : "not-the-type"));
        visit(inner, swap);
      }
    }
  };
  visit(value, (r) => r);
  return out;
}

const examplesOf = (media: MediaObject | undefined): unknown[] =>
  media?.examples
    ? Object.values(media.examples).map((e) => e?.value)
    : media?.example === undefined
      ? []
      : [media.example];

describe("the compact response spec", () => {
  it("has every operation, status and media type of the normalised spec", () => {
    const shape = (spec: typeof full) =>
      [...spec.byId.values()].flatMap((op) =>
        Object.entries(op.responses).flatMap(([status, response]) =>
          Object.entries(response?.content ?? {})
            .filter(([, media]) => media?.schema !== undefined)
            .map(([type]) => `${op.operationId} ${status} ${type}`),
        ),
      );
    expect(shape(compact)).toEqual(shape(full));
    expect(shape(full).length).toBeGreaterThan(80);
  });

  it("judges every JSON example, and each with one field broken, as the whole spec does", () => {
    let checked = 0;
    for (const op of full.byId.values()) {
      for (const [status, response] of Object.entries(op.responses)) {
        const media = response?.content?.[JSON_TYPE];
        const examples = examplesOf(media);
        if (examples.length === 0) continue;
        const wholeCheck = responseValidator(full, op, status, JSON_TYPE);
        const compactOp = compact.byId.get(op.operationId);
        const compactCheck = compactOp && responseValidator(compact, compactOp, status, JSON_TYPE);
        if (!wholeCheck || !compactCheck) throw new Error(`${op.operationId} ${status}: no validator`);
        for (const example of examples) {
          for (const value of variants(example)) {
            // The same issues; ajv may list rules of equal rank in another order.
            const verdict = (check: typeof wholeCheck) =>
              (check(value) ? [] : toIssues(check.errors)).map((i) => `${i.path} ${i.message}`).sort();
            expect(verdict(compactCheck), `${op.operationId} ${status}`).toEqual(verdict(wholeCheck));
            checked++;
          }
        }
      }
    }
    expect(checked).toBeGreaterThan(500);
  });
});
