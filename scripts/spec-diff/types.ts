/** The parts of OpenAPI 3.1 the diff reads. */
export type Schema = {
  $ref?: string;
  type?: string | string[];
  enum?: unknown[];
  const?: unknown;
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  additionalProperties?: boolean | Schema;
  format?: string;
};

export interface Parameter {
  name: string;
  in: string;
  required?: boolean;
  schema?: Schema;
}

export interface Operation {
  operationId?: string;
  tags?: string[];
  parameters?: (Parameter | { $ref: string })[];
  requestBody?: { required?: boolean; content?: Record<string, { schema?: Schema }> };
  responses?: Record<string, { content?: Record<string, { schema?: Schema }> }>;
}

export interface Spec {
  paths: Record<string, Record<string, Operation>>;
  components?: { schemas?: Record<string, Schema>; parameters?: Record<string, Parameter> };
}

export type ChangeKind =
  | "operation-added"
  | "operation-removed"
  | "schema-added"
  | "schema-removed"
  | "parameter-added"
  | "parameter-removed"
  | "parameter-required"
  | "parameter-optional"
  | "field-added"
  | "field-removed"
  | "field-required"
  | "field-optional"
  | "type-changed"
  | "enum-narrowed"
  | "enum-widened"
  | "body-added"
  | "body-removed"
  | "content-type-added"
  | "content-type-removed";

export interface Change {
  kind: ChangeKind;
  breaking: boolean;
  operationId?: string;
  schema?: string;
  /** Where in the operation or schema, e.g. `body.messages[].role` or `query.limit`. */
  path: string;
  message: string;
}

export type Bump = "major" | "minor" | "patch" | "none";

export interface SpecDiff {
  operations: { added: string[]; removed: string[]; changed: string[] };
  schemas: { added: string[]; removed: string[] };
  changes: Change[];
  bump: Bump;
}

/** Whether a schema is read by SDK users (response), written by them (request), or both. */
export interface Usage {
  request: boolean;
  response: boolean;
}
