import { type CallOptions, InvalidInputError, type RequestBody, type SuccessData } from "@friendli-ts/client";
import {
  containerImagesEdit,
  containerImagesGenerate,
  dedicatedImagesEdit,
  dedicatedImagesGenerate,
} from "@friendli-ts/client/routes";
import type { FamilyDeclaration } from "../build-family.ts";
import { checkString } from "../check-body.ts";
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

/** Image generation and editing, on dedicated endpoints and containers. */
export const imagesFamily = {
  name: "images",
  methods: {
    generate: {
      routes: { dedicated: dedicatedImagesGenerate, container: containerImagesGenerate },
      check: (what, body) => checkString(what, body, "prompt"),
    },
    edit: {
      routes: { dedicated: dedicatedImagesEdit, container: containerImagesEdit },
      check: checkEdit,
    },
  },
} as const satisfies FamilyDeclaration;

function checkEdit(what: string, body: Record<string, unknown>): void {
  checkString(what, body, "prompt");
  const images = Array.isArray(body.image) ? body.image : [body.image];
  if (images.length === 0 || !images.every((i) => typeof (i as { image?: unknown } | null)?.image === "string")) {
    throw new InvalidInputError(`${what}: \`image\` must be { image: "<url or base64>" } or a non-empty list of them`);
  }
}
