import { formatPath, type JsonKey } from "./format-path.ts";
import { type SamplePosition, SampleValidationError } from "./sample-validation-error.ts";

/**
 * The JSON text of a sample given as an object: what JSON.stringify writes, once the value is
 * known to hold only what JSON carries as is. A BigInt or a cycle (where JSON.stringify
 * throws), a number that is not finite, a function or a symbol, or `undefined` in an array
 * (which it would turn into `null` or drop without a word) is a SampleValidationError naming
 * the place. A property whose value is `undefined` is absent, as JSON.stringify has it.
 */
export function sampleJson(value: unknown, position: SamplePosition): string {
  const keys: JsonKey[] = [];
  const ancestors = new Set<object>();
  const refusal = (reason: string) => new SampleValidationError(position, formatPath(keys), reason);

  // `where` is how the value is held: at the root, in an array, or as an object's property.
  const check = (holderKey: string, raw: unknown, where: "root" | "array" | "object"): void => {
    let value = raw;
    if ((typeof value === "object" && value !== null) || typeof value === "bigint") {
      const toJSON = (value as { toJSON?: unknown }).toJSON;
      if (typeof toJSON === "function") value = toJSON.call(value, holderKey);
    }
    switch (typeof value) {
      case "string":
      case "boolean":
        return;
      case "number":
        if (!Number.isFinite(value)) throw refusal(`${value} is not a JSON number (JSON.stringify would write null)`);
        return;
      case "bigint":
        throw refusal("a BigInt, which JSON.stringify cannot write (give the sample as JSON text to keep every digit)");
      case "undefined":
        if (where === "object") return;
        throw refusal(
          `undefined ${where === "array" ? "in an array (JSON.stringify would write null)" : "is not a sample"}`,
        );
      case "function":
      case "symbol":
        throw refusal(`a ${typeof value}, which JSON cannot hold (JSON.stringify would drop it)`);
    }
    if (value === null) return;
    if (value instanceof Number) {
      if (!Number.isFinite(value.valueOf()))
        throw refusal(`${value} is not a JSON number (JSON.stringify would write null)`);
      return;
    }
    if (value instanceof String || value instanceof Boolean) return;
    const object = value as object;
    if (ancestors.has(object)) throw refusal("refers back to a value that holds it (a cycle), which JSON cannot hold");
    ancestors.add(object);
    if (Array.isArray(object)) {
      for (let i = 0; i < object.length; i++) {
        keys.push(i);
        check(String(i), object[i], "array");
        keys.pop();
      }
    } else {
      for (const key of Object.keys(object)) {
        keys.push(key);
        check(key, (object as Record<string, unknown>)[key], "object");
        keys.pop();
      }
    }
    ancestors.delete(object);
  };

  try {
    check("", value, "root");
    return JSON.stringify(value);
  } catch (error) {
    if (error instanceof SampleValidationError) throw error;
    // A getter or toJSON that throws, nesting too deep for the stack, ...
    throw new SampleValidationError(
      position,
      formatPath(keys),
      `cannot be written as JSON (${(error as Error).message})`,
    );
  }
}
