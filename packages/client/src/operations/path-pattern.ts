/**
 * The one matcher of a spec path template (`/beta/dataset/{dataset_id}`) against a request's
 * path: each `{name}` is one segment. `trailingSlash` also takes the path with a `/` after it.
 */
export function pathPattern(template: string, options: { trailingSlash?: boolean } = {}): RegExp {
  const literal = template.replace(/[.*+?^$()|[\]\\]/g, "\\$&").replace(/\{[^}]+\}/g, "[^/]+");
  return new RegExp(`^${literal}${options.trailingSlash ? "/?" : ""}$`);
}
