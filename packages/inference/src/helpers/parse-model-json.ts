/**
 * JSON.parse for what a model wrote (structured output, tool arguments). A `__proto__` key
 * is dropped at every depth: JSON.parse makes it an ordinary own key, but a caller who later
 * merges the result with `Object.assign` or a spread-and-set would give the target a new
 * prototype.
 */
export function parseModelJson(text: string): unknown {
  return JSON.parse(text, dropProtoKey);
}

// A reviver that returns undefined removes the key.
function dropProtoKey(key: string, value: unknown): unknown {
  return key === "__proto__" ? undefined : value;
}
