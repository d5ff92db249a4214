import type { JsonKey } from "./format-path.ts";

/** Where a string token sits in a JSON text: `[start, end)`, its quotes included. */
export interface Span {
  start: number;
  end: number;
}

/** A string the text does not hold exactly once where a parser would read it. */
export class LocateError extends Error {
  constructor(
    readonly keys: readonly JsonKey[],
    reason: string,
  ) {
    super(reason);
  }
}

/**
 * Finds, in a valid JSON text, the string token at each of the given places (keys from the
 * root), so a value can be replaced inside the text as written, leaving every other byte
 * alone. Only the containers on the way to a target are walked; the rest is skipped over
 * (strings by `indexOf`, so a multi-megabyte data URL costs little), and the walk goes no
 * deeper than the targets, whatever the nesting. A target written twice (a repeated key, of
 * which parsers read the last) or not found is a LocateError, never a guess.
 */
export function locateJsonStrings(text: string, targets: readonly (readonly JsonKey[])[]): Span[] {
  const wanted = new Map<string, number>();
  const onTheWay = new Set<string>();
  targets.forEach((keys, t) => {
    wanted.set(JSON.stringify(keys), t);
    for (let n = 0; n < keys.length; n++) onTheWay.add(JSON.stringify(keys.slice(0, n)));
  });
  const found: (Span | undefined)[] = targets.map(() => undefined);
  const entered = new Set<string>();
  let i = 0;

  const space = () => {
    for (;;) {
      const c = text.charCodeAt(i);
      if (c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09) i++;
      else return;
    }
  };
  const skipString = () => {
    // At the opening quote; a quote ends the string unless an odd number of backslashes precede it.
    let from = i + 1;
    for (;;) {
      const quote = text.indexOf('"', from);
      if (quote < 0) throw new LocateError([], "the text ends inside a string");
      let backslashes = 0;
      while (text.charCodeAt(quote - 1 - backslashes) === 0x5c) backslashes++;
      from = quote + 1;
      if (backslashes % 2 === 0) {
        i = from;
        return;
      }
    }
  };
  const skipValue = () => {
    let depth = 0;
    do {
      const c = text[i];
      if (c === '"') skipString();
      else if (c === "{" || c === "[") {
        depth++;
        i++;
      } else if (c === "}" || c === "]") {
        depth--;
        i++;
      } else if (depth === 0) {
        // A number, true, false or null.
        while (i < text.length && !",}] \t\r\n".includes(text[i] as string)) i++;
      } else i++;
    } while (depth > 0 && i < text.length);
  };

  const visit = (keys: JsonKey[]) => {
    space();
    const id = JSON.stringify(keys);
    const target = wanted.get(id);
    if (target !== undefined) {
      if (text[i] !== '"') throw new LocateError(keys, "is not a string in the sample's text");
      if (found[target]) throw new LocateError(keys, "is written twice in the sample's text (a repeated key)");
      const start = i;
      skipString();
      found[target] = { start, end: i };
      return;
    }
    const open = text[i];
    if (!onTheWay.has(id) || (open !== "{" && open !== "[")) return skipValue();
    if (entered.has(id)) throw new LocateError(keys, "is written twice in the sample's text (a repeated key)");
    entered.add(id);
    i++;
    space();
    const close = open === "{" ? "}" : "]";
    if (text[i] === close) {
      i++;
      return;
    }
    for (let index = 0; ; index++) {
      let key: JsonKey = index;
      if (open === "{") {
        space();
        const start = i;
        skipString();
        key = JSON.parse(text.slice(start, i)) as string;
        space();
        i++; // the colon
      }
      visit([...keys, key]);
      space();
      if (text[i++] !== ",") return; // the closing bracket
    }
  };

  visit([]);
  return found.map((span, t) => {
    if (!span) throw new LocateError(targets[t] ?? [], "was not found in the sample's text");
    return span;
  });
}

/** The text with each span replaced by its value, JSON-encoded; spans must not overlap. */
export function replaceJsonStrings(text: string, replacements: readonly { span: Span; value: string }[]): string {
  const sorted = [...replacements].sort((a, b) => a.span.start - b.span.start);
  let result = "";
  let at = 0;
  for (const { span, value } of sorted) {
    result += text.slice(at, span.start) + JSON.stringify(value);
    at = span.end;
  }
  return result + text.slice(at);
}

/** The string a span holds, sharing the text's memory when it has no escapes (the usual case for URLs). */
export function stringAt(text: string, span: Span): string {
  const token = text.slice(span.start, span.end);
  return token.includes("\\") ? (JSON.parse(token) as string) : text.slice(span.start + 1, span.end - 1);
}
