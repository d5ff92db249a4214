import { InvalidInputError } from "@friendli-ts/client";

export interface SamplePosition {
  /** 0-based position of the sample in the input. */
  index: number;
  /** 1-based line number when the input is JSONL. */
  line?: number | undefined;
}

/** A sample was rejected before anything of its batch was sent. */
export class SampleValidationError extends InvalidInputError {
  override name = "SampleValidationError";
  readonly index: number;
  readonly line: number | undefined;
  /** Where in the sample the problem is, e.g. `messages[1].content[0].image_url.url`. */
  readonly path: string;
  readonly reason: string;

  constructor(position: SamplePosition, path: string, reason: string) {
    const where = position.line === undefined ? `sample ${position.index}` : `line ${position.line}`;
    super(`${where}${path ? ` (${path})` : ""}: ${reason}`);
    this.index = position.index;
    this.line = position.line;
    this.path = path;
    this.reason = reason;
  }
}
