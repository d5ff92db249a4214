import type { CallOptions, RequestBody, SuccessData } from "@friendli-ts/client";
import { type CallCore, type Route, requestData } from "@friendli-ts/client/internal";
import { containerTextClassification, dedicatedTextClassification } from "@friendli-ts/client/routes";
import { checkModel, checkObject, checkOneOf, label } from "../check-body.ts";
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

const routes: { [P in ClassificationPrefix]: Route<ClassifyKey<P>, "post"> } = {
  "/dedicated": dedicatedTextClassification,
  "": containerTextClassification,
};

export function classificationApi<P extends ClassificationPrefix>(core: CallCore, prefix: P): ClassificationApi<P> {
  const route = routes[prefix];
  return {
    async classify(body, options) {
      const what = label(prefix, "classification.classify");
      const record = checkObject(what, body);
      checkModel(what, record, prefix !== "");
      checkOneOf(what, record, "input", "tokens");
      return requestData(core, what, { route, body }, options);
    },
  };
}

/** The spec operations this file calls, by method name (collected in operation-methods.ts). */
export const classificationMethods = {
  dedicatedTextClassification: "dedicated.classification.classify",
  containerTextClassification: "container.classification.classify",
} as const;
