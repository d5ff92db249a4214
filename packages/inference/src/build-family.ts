import type { CallOptions, RequestBody, SpecPath, StreamPath, SuccessData } from "@friendli-ts/client";
import { type CallCore, type Route, requestData } from "@friendli-ts/client/internal";
import { checkModel, checkObject } from "./check-body.ts";
import type { DeploymentKind } from "./deployment-kinds.ts";
import type { StreamKind } from "./streams/inference-stream.ts";

/** The generated route of each deployment kind that has the method; a kind left out has no such method. */
/** A spec key answered once (a stream's key ends in `#stream`). */
type NonStreamPath = Exclude<SpecPath, StreamPath>;

type KindRoutes<R> = { readonly [K in DeploymentKind]?: R };

/**
 * How a stream method opens its route. It comes with the declaration (as the client's
 * `openStream` comes with a call), so a family without streams bundles no stream reader.
 */
export interface StreamOpening {
  readonly open: (
    core: CallCore,
    route: Route<StreamPath, "post">,
    body: unknown,
    options: CallOptions | undefined,
    // biome-ignore lint/suspicious/noExplicitAny: each family's own item and final types
    kind: StreamKind<any, any>,
    toItem?: (event: { event?: string; data: unknown }) => unknown,
  ) => Promise<unknown>;
  // biome-ignore lint/suspicious/noExplicitAny: each family's own item and final types
  readonly kind: StreamKind<any, any>;
  readonly toItem?: (event: { event?: string; data: unknown }) => unknown;
}

interface CommonDeclaration {
  /**
   * Checks the body beyond what every method checks (an object, no `stream` flag, and `model`
   * unless `noModel`): throws `InvalidInputError`, or returns the body to send instead.
   */
  readonly check?: (what: string, body: Record<string, unknown>) => unknown;
  /** The body has no `model` field to check. */
  readonly noModel?: true;
}

/** A method answered once, as JSON. */
export interface JsonMethodDeclaration extends CommonDeclaration {
  readonly routes: KindRoutes<Route<NonStreamPath>>;
  readonly stream?: undefined;
  /** The method takes call options only (`list(options)`), no body. */
  readonly bodyless?: true;
}

/** A method that answers with a stream. */
export interface StreamMethodDeclaration extends CommonDeclaration {
  readonly routes: KindRoutes<Route<StreamPath, "post">>;
  readonly stream: StreamOpening;
  readonly bodyless?: undefined;
}

export type MethodDeclaration = JsonMethodDeclaration | StreamMethodDeclaration;

/**
 * A family as data: its name in method paths (`"audio.transcriptions"`) and, for each method,
 * its routes per deployment kind and its checks. `buildFamily` reads it; `operationMethods`
 * and the method names of `InferenceMethod` follow from it.
 */
export interface FamilyDeclaration {
  readonly name: string;
  readonly methods: { readonly [method: string]: MethodDeclaration };
  /** What the family adds to its built methods (chat's helpers), or where it puts them (audio's `transcriptions`). */
  readonly wrap?: (methods: Record<string, unknown>, core: CallCore, kind: DeploymentKind) => object;
}

/** The methods of one family on one kind, from its declaration: a kind without a method's route gets none. */
export function buildFamily(declaration: FamilyDeclaration, core: CallCore, kind: DeploymentKind): object {
  const built: Record<string, unknown> = {};
  for (const [name, method] of Object.entries(declaration.methods)) {
    const what = `${kind}.${declaration.name}.${name}`;
    const prepare = async (body: unknown) => {
      const record = checkObject(what, body);
      if (!method.noModel) checkModel(what, record, kind !== "container");
      return (await method.check?.(what, record)) ?? body;
    };
    // Each branch reads its own route: a stream route and a JSON route are typed apart.
    if (method.stream) {
      const { routes, stream } = method;
      const route = routes[kind];
      if (route)
        built[name] = async (body: unknown, options?: CallOptions) =>
          stream.open(core, route, await prepare(body), options, stream.kind, stream.toItem);
    } else {
      const route = method.routes[kind];
      if (route)
        built[name] = method.bodyless
          ? async (options?: CallOptions) => requestData(core, what, { route }, options)
          : async (body: unknown, options?: CallOptions) =>
              requestData(core, what, { route, body: await prepare(body) }, options);
    }
  }
  return declaration.wrap?.(built, core, kind) ?? built;
}

/** `[operationId, "serverless.chat.complete"]` for each route of the family's declared methods. */
export function methodNamesOf(declaration: FamilyDeclaration): [string, string][] {
  return Object.entries(declaration.methods).flatMap(([name, method]) =>
    Object.entries(method.routes).map(([kind, route]): [string, string] => [
      route.id,
      `${kind}.${declaration.name}.${name}`,
    ]),
  );
}

/**
 * The declared methods of kind `K` that the family's interface `Written` does not write out,
 * typed from their routes (the spec's body and result): a method only some kinds have needs
 * no type of its own.
 */
export type DeclaredOnly<D extends { readonly methods: object }, K extends DeploymentKind, Written> = {
  [M in keyof D["methods"] as M extends keyof Written
    ? never
    : D["methods"][M] extends { readonly routes: { readonly [_ in K]: unknown } }
      ? M
      : never]: D["methods"][M] extends {
    readonly routes: { readonly [_ in K]: Route<infer P extends Exclude<SpecPath, StreamPath>, "post"> };
  }
    ? (body: RequestBody<P>, options?: CallOptions) => Promise<SuccessData<P, "post">>
    : never;
};
