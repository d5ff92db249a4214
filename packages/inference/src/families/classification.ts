import type { CallOptions, RequestBody, SuccessData } from "@friendli-ts/client";
import { containerTextClassification, dedicatedTextClassification } from "@friendli-ts/client/routes";
import type { FamilyDeclaration } from "../build-family.ts";
import { checkOneOf } from "../check-body.ts";
import type { SpecKey } from "../spec-types.ts";

/** Text classification exists for dedicated endpoints and containers (not under `/v1`). */
export type ClassificationPrefix = "/dedicated" | "";
export type ClassifyKey<P extends ClassificationPrefix> = SpecKey<`${P}/classify`>;

export type ClassifyBody<P extends ClassificationPrefix> = RequestBody<ClassifyKey<P>>;
export type ClassifyResult<P extends ClassificationPrefix> = SuccessData<ClassifyKey<P>, "post">;

export interface ClassificationApi<P extends ClassificationPrefix> {
  /** Class probabilities of a text, several texts, or token sequences. */
  classify(body: ClassifyBody<P>, options?: CallOptions): Promise<ClassifyResult<P>>;
}

/** Text classification, on dedicated endpoints and containers. */
export const classificationFamily = {
  name: "classification",
  methods: {
    classify: {
      routes: { dedicated: dedicatedTextClassification, container: containerTextClassification },
      check: (what, body) => checkOneOf(what, body, "input", "tokens"),
    },
  },
} as const satisfies FamilyDeclaration;
