import type { Method, SpecPath } from "../operations/route.ts";
import type { CallCore } from "./call-core.ts";
import type { CallOptions } from "./call-options.ts";
import { type AnswerProblem, checkedAnswer } from "./checked-answer.ts";
import { makeRequest, type OperationCall } from "./make-request.ts";
import type { SuccessData } from "./typed-methods.ts";

/**
 * How every wrapper method calls its operation: through the door, then the checks its answer
 * must pass (the fields the wrapper reads), and back comes the data. `what` names the method
 * in an error about the answer (`"datasets.list"`). One call, so that a method is one line.
 */
export async function requestData<P extends SpecPath, M extends Method>(
  core: CallCore,
  what: string,
  call: OperationCall<P, M>,
  options: CallOptions | undefined,
  ...problems: AnswerProblem[]
): Promise<SuccessData<P, M>> {
  return checkedAnswer(core, await makeRequest(core, call, options), what, ...problems);
}
