/**
 * The path parameters of `path` under the spec's template (`/x/{id}/y`), decoded; undefined
 * when the path does not fit the template or a parameter is not valid percent-encoding.
 */
export function pathParams(template: string, path: string): Record<string, string> | undefined {
  const names = template.split("/");
  const parts = path.replace(/\/$/, "").split("/");
  if (names.length !== parts.length) return undefined;
  const params: Record<string, string> = {};
  for (const [i, name] of names.entries()) {
    const part = parts[i] as string;
    const param = /^\{(.+)\}$/.exec(name)?.[1];
    if (param === undefined) {
      if (name !== part) return undefined;
      continue;
    }
    try {
      params[param] = decodeURIComponent(part);
    } catch {
      return undefined;
    }
  }
  return params;
}
