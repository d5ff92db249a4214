import type { CallOptions, RequestBody, StreamBody, SuccessData } from "@friendli-ts/client";
import {
  containerCompletionsComplete,
  containerCompletionsStream,
  dedicatedCompletionsComplete,
  dedicatedCompletionsStream,
  serverlessCompletionsComplete,
  serverlessCompletionsStream,
} from "@friendli-ts/client/routes";
import type { FamilyDeclaration } from "../build-family.ts";
import { checkOneOf } from "../check-body.ts";
import { openInferenceStream } from "../open-inference-stream.ts";
import type { NoStreamFlag, Prefix, SpecKey, StreamKey } from "../spec-types.ts";
import type { CollectedCompletion, CompletionChunk } from "../streams/collect-completion.ts";
import type { InferenceStream } from "../streams/inference-stream.ts";
import { completionKind } from "../streams/stream-kinds.ts";

export type CompletionsKey<P extends Prefix> = SpecKey<`${P}/v1/completions`>;
export type CompletionsStreamKey<P extends Prefix> = StreamKey<`${CompletionsKey<P>}#stream`>;

/** A text prompt or a token sequence, as the spec's two body variants allow. */
export type CompletionsBody<P extends Prefix> = NoStreamFlag<RequestBody<CompletionsKey<P>>>;
export type Completion<P extends Prefix> = SuccessData<CompletionsKey<P>, "post">;
export type CompletionsStreamBody<P extends Prefix> = NoStreamFlag<StreamBody<CompletionsStreamKey<P>>>;
export type CompletionStream = InferenceStream<CompletionChunk, CollectedCompletion>;

export interface CompletionsApi<P extends Prefix> {
  complete(body: CompletionsBody<P>, options?: CallOptions): Promise<Completion<P>>;
  stream(body: CompletionsStreamBody<P>, options?: CallOptions): Promise<CompletionStream>;
}

/** Text completions, from a prompt or from tokens, on every kind. */
export const completionsFamily = {
  name: "completions",
  methods: {
    complete: {
      routes: {
        serverless: serverlessCompletionsComplete,
        dedicated: dedicatedCompletionsComplete,
        container: containerCompletionsComplete,
      },
      check: checkPromptOrTokens,
    },
    stream: {
      routes: {
        serverless: serverlessCompletionsStream,
        dedicated: dedicatedCompletionsStream,
        container: containerCompletionsStream,
      },
      check: checkPromptOrTokens,
      stream: { open: openInferenceStream, kind: completionKind },
    },
  },
} as const satisfies FamilyDeclaration;

function checkPromptOrTokens(what: string, body: Record<string, unknown>): void {
  checkOneOf(what, body, "prompt", "tokens");
}
