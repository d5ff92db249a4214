import type { RouteFacts } from "../operations/route-facts.ts";
import { checkHeaders } from "../transport/check-header-value.ts";
import { appendQuery } from "./append-query.ts";
import { fillPathTemplate } from "./fill-path-template.ts";
import { type BodySerializer, serializeBody } from "./serialize-body.ts";

/** Where one call of a spec operation goes. */
export interface OperationTarget {
  /** The spec key (`/beta/dataset/{dataset_id}`, `...#stream`). */
  specPath: string;
  /** The path sent, parameters filled in and query appended. */
  path: string;
  route: RouteFacts | undefined;
  /** The spec's own header parameters of the call (`x-friendli-team`), lower-cased. */
  headers?: Record<string, string> | undefined;
  /** JSON or multipart, as the route takes. */
  serialize: BodySerializer;
}

export interface OperationParams {
  path?: Record<string, unknown>;
  query?: Record<string, unknown>;
  header?: Record<string, unknown>;
}

/** The spec key without its `#stream` fragment. */
export function pathOfSpecKey(specPath: string): string {
  const hash = specPath.indexOf("#");
  return hash < 0 ? specPath : specPath.slice(0, hash);
}

/** A target from a spec key and the call's parameters; a bad path parameter throws here. */
export function operationTarget(
  specPath: string,
  route: RouteFacts | undefined,
  params: OperationParams | undefined,
): OperationTarget {
  const path = appendQuery(fillPathTemplate(pathOfSpecKey(specPath), params?.path), params?.query);
  const multipart = route?.multipart ?? false;
  return {
    specPath,
    path,
    route,
    // Lower-cased and checked like every other header; nulls left out.
    headers: params?.header ? checkHeaders(params.header as Record<string, string>, "params.header") : undefined,
    serialize: (body) => serializeBody(body, multipart) as string | FormData,
  };
}
