// The drift check: answers of the real API validated against the pinned spec. A separate
// entry, so ajv and the spec's schemas stay out of bundles that do not import it.

export type { ReplyIssue } from "../spec-check/response-validator.ts";
export {
  createDriftCheck,
  type DriftCheck,
  type DriftCheckOptions,
  type DriftReport,
} from "./create-drift-check.ts";
