import { type CallOptions, InvalidInputError, type RequestBody, type SuccessData } from "@friendli-ts/client";
import { type CallCore, type Route, requestData } from "@friendli-ts/client/internal";
import {
  containerImagesEdit,
  containerImagesGenerate,
  dedicatedImagesEdit,
  dedicatedImagesGenerate,
} from "@friendli-ts/client/routes";
import { checkModel, checkObject, checkString, label } from "../check-body.ts";
import type { SpecKey } from "../spec-types.ts";

/** Image generation and editing exist for dedicated endpoints and containers. */
export type ImagesPrefix = "/dedicated" | "";
export type GenerateKey<P extends ImagesPrefix> = SpecKey<`${P}/v1/images/generations`>;
export type EditKey<P extends ImagesPrefix> = SpecKey<`${P}/v1/images/edits`>;

export type ImageGenerateBody<P extends ImagesPrefix> = RequestBody<GenerateKey<P>>;
export type ImageGenerateResult<P extends ImagesPrefix> = SuccessData<GenerateKey<P>, "post">;
export type ImageEditBody<P extends ImagesPrefix> = RequestBody<EditKey<P>>;
export type ImageEditResult<P extends ImagesPrefix> = SuccessData<EditKey<P>, "post">;

export interface ImagesApi<P extends ImagesPrefix> {
  generate(body: ImageGenerateBody<P>, options?: CallOptions): Promise<ImageGenerateResult<P>>;
  /** Edits one or more images (URLs or base64 data, as JSON) following a prompt. */
  edit(body: ImageEditBody<P>, options?: CallOptions): Promise<ImageEditResult<P>>;
}

const routes: { [P in ImagesPrefix]: [Route<GenerateKey<P>, "post">, Route<EditKey<P>, "post">] } = {
  "/dedicated": [dedicatedImagesGenerate, dedicatedImagesEdit],
  "": [containerImagesGenerate, containerImagesEdit],
};

export function imagesApi<P extends ImagesPrefix>(core: CallCore, prefix: P): ImagesApi<P> {
  const [generateRoute, editRoute] = routes[prefix];
  return {
    async generate(body, options) {
      const what = label(prefix, "images.generate");
      const record = checkObject(what, body);
      checkModel(what, record, prefix !== "");
      checkString(what, record, "prompt");
      return requestData(core, what, { route: generateRoute, body }, options);
    },
    async edit(body, options) {
      const what = label(prefix, "images.edit");
      const record = checkObject(what, body);
      checkModel(what, record, prefix !== "");
      checkString(what, record, "prompt");
      const images = Array.isArray(record.image) ? record.image : [record.image];
      if (images.length === 0 || !images.every((i) => typeof (i as { image?: unknown } | null)?.image === "string")) {
        throw new InvalidInputError(
          `${what}: \`image\` must be { image: "<url or base64>" } or a non-empty list of them`,
        );
      }
      return requestData(core, what, { route: editRoute, body }, options);
    },
  };
}

/** The spec operations this file calls, by method name (collected in operation-methods.ts). */
export const imagesMethods = {
  dedicatedImagesGenerate: "dedicated.images.generate",
  dedicatedImagesEdit: "dedicated.images.edit",
  containerImagesGenerate: "container.images.generate",
  containerImagesEdit: "container.images.edit",
} as const;
