import { describe, expect, it } from "vitest";
import { diffSpecs } from "./diff-specs.ts";
import { formatDiff } from "./format-diff.ts";
import type { Schema, Spec } from "./types.ts";

// Small fixture specs, one kind of change each. `base()` has a chat POST (request body
// `ChatBody`, response `ChatResult`) and an endpoint GET with a path and a query parameter.
function base(): Spec {
  return {
    paths: {
      "/v1/chat": {
        post: {
          operationId: "chat",
          tags: ["Serverless.Chat"],
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: "#/components/schemas/ChatBody" } } },
          },
          responses: {
            "200": { content: { "application/json": { schema: { $ref: "#/components/schemas/ChatResult" } } } },
          },
        },
      },
      "/endpoint/{id}": {
        get: {
          operationId: "getEndpoint",
          tags: ["Dedicated.Endpoint"],
          parameters: [
            { name: "id", in: "path", required: true, schema: { type: "string" } },
            { name: "limit", in: "query", required: false, schema: { type: "integer" } },
          ],
          responses: {
            "200": {
              content: {
                "application/json": {
                  schema: {
                    type: "object",
                    properties: { status: { type: "string", enum: ["RUNNING", "FAILED"] } },
                    required: ["status"],
                  },
                },
              },
            },
          },
        },
      },
    },
    components: {
      schemas: {
        ChatBody: {
          type: "object",
          required: ["model"],
          properties: {
            model: { type: "string" },
            mode: { type: "string", enum: ["fast", "slow"] },
            temperature: { anyOf: [{ type: "number" }, { type: "null" }] },
          },
        },
        ChatResult: {
          type: "object",
          required: ["id"],
          properties: { id: { type: "string" }, usage: { $ref: "#/components/schemas/Usage" } },
        },
        Usage: { type: "object", properties: { tokens: { type: "integer" } } },
      },
    },
  };
}

type Edit = (spec: Spec) => void;
const schema = (spec: Spec, name: string) => spec.components?.schemas?.[name] as Schema;
function change(edit: Edit) {
  const after = base();
  edit(after);
  return diffSpecs(base(), after);
}
const kinds = (edit: Edit) => change(edit).changes.map((c) => [c.kind, c.breaking, c.operationId ?? c.schema, c.path]);

describe("spec diff", () => {
  it("no change, no bump", () => {
    expect(diffSpecs(base(), base())).toEqual({
      operations: { added: [], removed: [], changed: [] },
      schemas: { added: [], removed: [] },
      changes: [],
      bump: "none",
    });
  });

  it("operations added and removed", () => {
    const diff = change((s) => {
      s.paths["/v1/new"] = { get: { operationId: "newOp", tags: ["Cost"], responses: {} } };
      delete s.paths["/endpoint/{id}"];
    });
    expect(diff.operations).toEqual({ added: ["newOp"], removed: ["getEndpoint"], changed: [] });
    expect(diff.bump).toBe("major");
    expect(diff.changes.find((c) => c.kind === "operation-removed")).toMatchObject({
      breaking: true,
      path: "/endpoint/{id}",
    });
  });

  it("a new required request field breaks; a new optional one does not", () => {
    expect(
      kinds((s) => {
        schema(s, "ChatBody").properties!.seed = { type: "integer" };
        schema(s, "ChatBody").properties!.project = { type: "string" };
        schema(s, "ChatBody").required!.push("project");
      }),
    ).toEqual([
      ["field-added", false, "ChatBody", "ChatBody.seed"],
      ["field-added", true, "ChatBody", "ChatBody.project"],
    ]);
  });

  it("a removed response field breaks, and the operations using it count as changed", () => {
    const diff = change((s) => {
      delete schema(s, "Usage").properties!.tokens;
    });
    expect(diff.changes).toEqual([
      { kind: "field-removed", breaking: true, schema: "Usage", path: "Usage.tokens", message: "tokens removed" },
    ]);
    expect(diff.operations.changed).toEqual(["chat"]);
  });

  it("optional to required: breaks requests, not responses", () => {
    expect(
      kinds((s) => {
        schema(s, "ChatBody").required!.push("mode");
        schema(s, "ChatResult").required!.push("usage");
      }),
    ).toEqual([
      ["field-required", true, "ChatBody", "ChatBody.mode"],
      ["field-required", false, "ChatResult", "ChatResult.usage"],
    ]);
  });

  it("required to optional: breaks readers of responses", () => {
    expect(kinds((s) => void (schema(s, "ChatResult").required = []))).toEqual([
      ["field-optional", true, "ChatResult", "ChatResult.id"],
    ]);
  });

  it("enums: narrowed in a request breaks, widened does not", () => {
    expect(kinds((s) => void (schema(s, "ChatBody").properties!.mode!.enum = ["fast"]))).toEqual([
      ["enum-narrowed", true, "ChatBody", "ChatBody.mode"],
    ]);
    expect(kinds((s) => void (schema(s, "ChatBody").properties!.mode!.enum = ["fast", "slow", "turbo"]))).toEqual([
      ["enum-widened", false, "ChatBody", "ChatBody.mode"],
    ]);
  });

  it("types: widening a request field is fine, widening a response field breaks", () => {
    expect(
      kinds((s) => {
        schema(s, "ChatBody").properties!.model = { anyOf: [{ type: "string" }, { type: "null" }] };
        schema(s, "ChatResult").properties!.id = { anyOf: [{ type: "string" }, { type: "null" }] };
      }),
    ).toEqual([
      ["type-changed", false, "ChatBody", "ChatBody.model"],
      ["type-changed", true, "ChatResult", "ChatResult.id"],
    ]);
  });

  it("naming a union instead of spelling it out is no change", () => {
    const diff = change((s) => {
      s.components!.schemas!.Temperature = { anyOf: [{ type: "number" }, { type: "null" }] };
      schema(s, "ChatBody").properties!.temperature = { $ref: "#/components/schemas/Temperature" };
    });
    expect(diff.changes.map((c) => c.kind)).toEqual(["schema-added"]);
    expect(diff.bump).toBe("minor");
  });

  it("parameters: added required, removed, made required, type changed; inline response enum", () => {
    expect(
      kinds((s) => {
        const op = s.paths["/endpoint/{id}"]!.get!;
        op.parameters = [
          { name: "id", in: "path", required: true, schema: { type: "integer" } },
          { name: "team", in: "header", required: true, schema: { type: "string" } },
        ];
        const response = op.responses!["200"]!.content!["application/json"]!.schema!;
        response.properties!.status!.enum = ["RUNNING", "FAILED", "SLEEPING"];
      }),
    ).toEqual([
      ["parameter-removed", true, "getEndpoint", "query.limit"],
      ["type-changed", true, "getEndpoint", "path.id"],
      ["parameter-added", true, "getEndpoint", "header.team"],
      ["enum-widened", false, "getEndpoint", "response.status"],
    ]);
  });

  it("schemas added and removed", () => {
    const diff = change((s) => {
      s.components!.schemas!.Extra = { type: "object" };
      delete s.components!.schemas!.Usage;
      delete schema(s, "ChatResult").properties!.usage;
    });
    expect(diff.schemas).toEqual({ added: ["Extra"], removed: ["Usage"] });
    expect(diff.bump).toBe("major");
  });

  it("the human report groups by package and marks breaking changes", () => {
    const after = base();
    delete schema(after, "Usage").properties!.tokens;
    after.paths["/v1/new"] = { get: { operationId: "getUsage", tags: ["Usage"], responses: {} } };
    const text = formatDiff(diffSpecs(base(), after), base(), after);
    expect(text).toContain("@friendli-ts/endpoints\n  + getUsage GET /v1/new added");
    expect(text).toContain("@friendli-ts/inference\n  ! Usage.tokens: tokens removed");
    expect(text.split("\n")[0]).toBe(
      "operations: 1 added, 0 removed, 1 changed; schemas: 0 added, 0 removed; 1 breaking change(s); bump: major",
    );
  });
});
