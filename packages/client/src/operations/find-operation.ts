import { operations } from "../generated/routes.ts";
import { pathPattern } from "./path-pattern.ts";
import type { Route } from "./route.ts";

interface Matcher {
  method: string;
  pattern: RegExp;
  route: Route;
}

let bySpecKey: Map<string, Route> | undefined;
let matchers: Matcher[] | undefined;

/** `method specKey` -> route, from the one generated table, built on first use. */
function routesBySpecKey(): Map<string, Route> {
  bySpecKey ??= new Map(
    (Object.values(operations) as Route[]).map((route) => [`${route.method} ${route.path}`, route]),
  );
  return bySpecKey;
}

/** The route of a spec key (`post`, `/serverless/v1/chat/completions#stream`), as the typed methods name it. */
export function findRoute(method: string, specPath: string): Route | undefined {
  return routesBySpecKey().get(`${method} ${specPath}`);
}

function buildMatchers(): Matcher[] {
  // Stream variants share their base operation's path: the base is matched, its variant looked up.
  return [...routesBySpecKey().values()]
    .filter((route) => !route.stream)
    .map((route) => ({
      method: route.method.toUpperCase(),
      pattern: pathPattern(route.path.split("#")[0] ?? ""),
      route,
    }));
}

/**
 * The route a request goes to, from its method and path (without the base URL's own path).
 * With `stream`, its stream variant (`...#stream`) where it has one.
 */
export function findOperation(method: string, pathname: string, stream = false): Route | undefined {
  matchers ??= buildMatchers();
  const upper = method.toUpperCase();
  const base = matchers.find((m) => m.method === upper && m.pattern.test(pathname))?.route;
  if (base === undefined || !stream) return base;
  return findRoute(base.method, `${base.path}#stream`) ?? base;
}
