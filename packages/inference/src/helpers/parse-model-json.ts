/**
 * JSON.parse for what a model wrote (structured output, tool arguments). A `__proto__` key
 * is dropped at every depth: JSON.parse makes it an ordinary own key, but a caller who later
 * merges the result with `Object.assign` or a spread-and-set would give the target a new
 * prototype. The drop walks with a list, not recursion (nor a reviver, which V8 runs
 * recursively): the nesting is the model's, and 100,000 levels must not overflow the stack.
 */
export function parseModelJson(text: string): unknown {
  const value: unknown = JSON.parse(text);
  const pending: unknown[] = [value];
  while (pending.length > 0) {
    const node = pending.pop();
    if (typeof node !== "object" || node === null) continue;
    if (Array.isArray(node)) {
      for (const item of node) if (typeof item === "object" && item !== null) pending.push(item);
      continue;
    }
    const record = node as Record<string, unknown>;
    // Removes the own key JSON.parse made; the prototype is untouched.
    if (Object.hasOwn(record, "__proto__")) Reflect.deleteProperty(record, "__proto__");
    for (const key of Object.keys(record)) {
      const item = record[key];
      if (typeof item === "object" && item !== null) pending.push(item);
    }
  }
  return value;
}
