/** One step into a JSON value: an object key or an array index. */
export type JsonKey = string | number;

/** `messages[0].content[1].image_url.url`, as error messages name a place in a sample. */
export function formatPath(keys: readonly JsonKey[]): string {
  let path = "";
  for (const key of keys) {
    if (typeof key === "number") path += `[${key}]`;
    else if (/^[A-Za-z_$][\w$]*$/.test(key)) path += path ? `.${key}` : key;
    else path += `[${JSON.stringify(key)}]`;
  }
  return path;
}
