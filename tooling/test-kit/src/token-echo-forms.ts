const hex = (char: string) => char.charCodeAt(0).toString(16);

/**
 * The forms a server or a proxy echoes a token in, for the secrets sweeps: as it is, in
 * another case, JSON-escaped (`\u0066`, some characters only), percent-encoded (upper and
 * lower hex) and percent-encoded twice. Each is text as it stands in the answer's field.
 */
export const tokenEchoForms: [name: string, spell: (token: string) => string][] = [
  ["verbatim", (token) => token],
  ["in lower case", (token) => token.toLowerCase()],
  ["JSON-escaped", (token) => [...token].map((c, i) => (i % 2 ? c : `\\u${hex(c).padStart(4, "0")}`)).join("")],
  ["percent-encoded", (token) => [...token].map((c, i) => `%${i % 2 ? hex(c).toUpperCase() : hex(c)}`).join("")],
  ["percent-encoded twice", (token) => [...token].map((c) => `%25${hex(c)}`).join("")],
];
