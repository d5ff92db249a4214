import { FriendliError } from "@friendli-ts/client";
import type { SchemaIssue } from "./validate-json-schema.ts";

/** The model's output was not JSON, or did not match the schema asked for. */
export class StructuredOutputError extends FriendliError {
  override name = "StructuredOutputError";
  /** The text the model produced. */
  readonly output: string | null;
  /** Each mismatch with the schema; empty when the output was not JSON at all. */
  readonly issues: SchemaIssue[];
  constructor(message: string, output: string | null, issues: SchemaIssue[] = [], options?: { cause?: unknown }) {
    const summary = issues
      .slice(0, 5)
      .map((i) => `${i.path.length ? i.path.join(".") : "(root)"}: ${i.message}`)
      .join("; ");
    super(summary ? `${message}: ${summary}` : message, options);
    this.output = output;
    this.issues = issues;
  }
}
