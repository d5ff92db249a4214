/**
 * Why a case could not run on a build, short enough for a table cell. A name the build does
 * not export (an older base) is said as such, whether Node's linker, esbuild or a call found
 * it missing; anything else is the error's message on one line, cut at 100 characters.
 */
export function failureReason(error: unknown): string {
  const text = (error instanceof Error ? error.message : String(error)).replace(/\s+/g, " ").trim();
  const missing =
    /does not provide an export named '([^']+)'/.exec(text) ??
    /No matching export in "[^"]*" for import "([^"]+)"/.exec(text) ??
    /\.(\w+) is not a function/.exec(text);
  if (missing) return `the build has no ${missing[1]}`;
  return text.length > 100 ? `${text.slice(0, 97)}...` : text;
}
