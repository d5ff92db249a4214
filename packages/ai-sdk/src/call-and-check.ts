import type { z } from "zod";
import { callOptions, newCapture, type ResponseDetails, responseDetails } from "./call-options.ts";
import { checkAnswer } from "./check-answer.ts";
import type { DeploymentCalls } from "./deployment-calls.ts";
import { type FailedCall, toAiSdkError } from "./to-ai-sdk-error.ts";

/** One model call that answers once (not a stream), as a model's method describes it. */
export interface AnswerCall<Shape extends z.ZodType> {
  /**
   * Which of the deployment's calls to make. Read from `config.calls` only at the call: the
   * client is made then, so bad options fail the call as an AI SDK error. A deployment without
   * the operation has no call, and its (missing) answer fails the check.
   */
  operation: "chat" | "completion" | "embeddings" | "images" | "imageEdits" | "transcription";
  body: Record<string, unknown>;
  /** What an AI SDK error names as the request (a body may stand in for bytes not worth quoting). */
  failed: FailedCall;
  shape: Shape;
  /** The answer's name in a wrong-shape error: "chat completion", "embeddings", ... */
  what: string;
}

/** The answer, checked, with the secret it was fetched with and what its response tells. */
export interface CheckedAnswer<Shape extends z.ZodType> extends ResponseDetails {
  answer: unknown;
  result: z.infer<Shape>;
  secret: string | null;
}

/**
 * Makes one call and checks its answer, the same way for every model: the client's error
 * becomes the AI SDK's, the answer is checked against its shape, and the response's headers
 * and request id are redacted with the call's secret.
 */
export async function callAndCheck<Shape extends z.ZodType>(
  config: { calls: DeploymentCalls; secretOf(owner: unknown): string | null },
  options: Parameters<typeof callOptions>[0],
  call: AnswerCall<Shape>,
): Promise<CheckedAnswer<Shape>> {
  const capture = newCapture();
  let answer: unknown;
  try {
    answer = await config.calls[call.operation]?.(call.body, callOptions(options, capture));
  } catch (error) {
    throw toAiSdkError(error, call.failed);
  }
  const secret = config.secretOf(answer);
  const result = checkAnswer(call.shape, answer, call.what, secret);
  return { answer, result, secret, ...responseDetails(capture.response, secret) };
}
