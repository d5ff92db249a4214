import { describe, expect, it } from "vitest";
import type { OpenApiDocument } from "../spec/normalize-spec.ts";
import { buildResponseSpec, renderResponseSpec } from "./build-response-spec.ts";

const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
const noteBody = {
  oneOf: [ref("Text"), ref("Image")],
  discriminator: {
    propertyName: "type",
    mapping: { text: ref("Text").$ref, image: ref("Image").$ref, audio: ref("Audio").$ref },
  },
};

function spec(): OpenApiDocument {
  return {
    openapi: "3.1.0",
    info: { title: "t", version: "2", description: "long prose" },
    paths: {
      "/v1/notes": {
        post: {
          operationId: "createNote",
          requestBody: { content: { "application/json": { schema: ref("NoteInput") } } },
          responses: {
            "200": {
              description: "the note",
              content: { "application/json": { schema: ref("Note"), example: { title: "x" } } },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        NoteInput: { type: "object", properties: { text: { type: "string" } } },
        Note: {
          title: "Note",
          description: "A note.",
          type: "object",
          required: ["title", "description"],
          // Fields named like annotations are fields: they stay.
          properties: {
            title: { type: "string", title: "Title", examples: ["a"] },
            description: { type: "string", description: "What it says." },
            kind: { type: "string", const: "note", default: "note", description: "Always note." },
            body: noteBody,
          },
        },
        Text: { type: "object", properties: { type: { const: "text" } } },
        Image: { type: "object", properties: { type: { const: "image" } } },
        Audio: { type: "object", properties: { type: { const: "audio" } } },
      },
      securitySchemes: { token: { type: "http", scheme: "bearer" } },
    },
  };
}

describe("the response spec", () => {
  it("keeps answers and the schemas they use, without annotations; fields named like annotations stay", () => {
    const compact = buildResponseSpec(spec()) as unknown as {
      info: unknown;
      paths: Record<string, Record<string, unknown>>;
      components: { schemas: Record<string, unknown> };
    };
    expect(compact.info).toEqual({ title: "t", version: "2" });
    expect(compact.paths["/v1/notes"]).toEqual({
      post: {
        operationId: "createNote",
        responses: { "200": { content: { "application/json": { schema: ref("Note") } } } },
      },
    });
    // NoteInput is a request's only; Audio is reached through the discriminator's mapping.
    expect(Object.keys(compact.components.schemas)).toEqual(["Note", "Text", "Image", "Audio"]);
    expect(compact.components.schemas.Note).toEqual({
      type: "object",
      required: ["title", "description"],
      properties: {
        title: { type: "string" },
        description: { type: "string" },
        kind: { type: "string", const: "note", default: "note" },
        body: noteBody,
      },
    });
  });

  it("renders the same bytes for the same spec", () => {
    expect(renderResponseSpec(spec())).toBe(renderResponseSpec(spec()));
    expect(renderResponseSpec(spec())).toMatch(/^\/\/ Generated\. Do not edit\./);
  });
});
