import { describe, expect, it } from "vitest";
import { errorLine, MAX_ERROR_LINE } from "../../src/error-line.ts";
import { escapeTerminalText } from "../../src/escape-terminal-text.ts";
import { redactSecrets, secretsOf } from "../../src/redact-secrets.ts";

const token = "flp_4d8a0c2e6b1f9d3a7c5e0b2d4f6a8c1e3b5d7f9";

/** Every 8-character run of the token found in `text`. */
const piecesIn = (text: string) =>
  Array.from({ length: token.length - 7 }, (_, i) => token.slice(i, i + 8)).filter((piece) => text.includes(piece));

describe("secretsOf", () => {
  it("takes the token as --token <value> and --token=<value>, FRIENDLI_TOKEN, and base URL passwords", () => {
    expect(secretsOf(["--token", "tok-one-value"], {})).toEqual(["tok-one-value"]);
    expect(secretsOf(["--token=tok-two-value"], {})).toEqual(["tok-two-value"]);
    expect(secretsOf(["--base-url=https://me:pa55word@api.example"], { FRIENDLI_TOKEN: "tok-env" })).toEqual([
      "tok-env",
      "pa55word",
    ]);
  });
});

describe("redactSecrets", () => {
  it("removes the token's start left by a cut at any offset, and its end left by a cut from the front", () => {
    for (let kept = 8; kept <= token.length; kept++) {
      const cutAfter = `401: ${token.slice(0, kept)}`;
      const cutBefore = `${token.slice(-kept)} is not valid`;
      expect(piecesIn(redactSecrets(cutAfter, [token])), cutAfter).toEqual([]);
      expect(piecesIn(redactSecrets(cutBefore, [token])), cutBefore).toEqual([]);
    }
    expect(redactSecrets(`a ${token} b ${token}`, [token])).toBe("a [redacted] b [redacted]");
  });

  it("leaves other text alone, and ignores values too short to be secrets", () => {
    expect(redactSecrets("GET /dedicated/beta/endpoint answered 404", [token, "abc"])).toBe(
      "GET /dedicated/beta/endpoint answered 404",
    );
  });
});

// biome-ignore lint/suspicious/noControlCharactersInRegex: the characters that must not come through
const RAW_CONTROL = /[\u0000-\u0008\u000b-\u001f\u007f-\u009f\u202a-\u202e\u2066-\u2069]/;

describe("escapeTerminalText", () => {
  const every = Array.from({ length: 0x2100 }, (_, code) => String.fromCharCode(code)).join("");

  it("leaves no control character, and keeps newlines and tabs only when asked", () => {
    expect(escapeTerminalText(every)).not.toMatch(RAW_CONTROL);
    expect(escapeTerminalText(every)).not.toMatch(/[\n\t]/);
    expect(escapeTerminalText(every, { lines: true })).not.toMatch(RAW_CONTROL);
    expect(escapeTerminalText("a\tb\nc\r", { lines: true })).toBe("a\tb\nc\\u000d");
    expect(escapeTerminalText("\x1b]52;c;eA==\x07\u009b2J\u202e")).toBe("\\u001b]52;c;eA==\\u0007\\u009b2J\\u202e");
  });

  it("writes JSON text that parses to the same value, and changes escaped text no more", () => {
    const json = JSON.stringify({ text: every }, null, 2);
    const escaped = escapeTerminalText(json, { lines: true });
    expect(JSON.parse(escaped)).toEqual({ text: every });
    expect(escapeTerminalText(escaped, { lines: true })).toBe(escaped);
  });
});

describe("errorLine", () => {
  it("redacts, then cuts, then escapes: one line, no piece of the token", () => {
    const message = `${"\x1b[2J".repeat(MAX_ERROR_LINE)}${token}`;
    const line = errorLine(`${"x".repeat(MAX_ERROR_LINE - 10)}${token}\n${message}`, [token]);
    expect(line).not.toMatch(RAW_CONTROL);
    expect(line.indexOf("\n")).toBe(line.length - 1);
    expect(piecesIn(line)).toEqual([]);
    expect(line.length).toBeLessThan(MAX_ERROR_LINE * 6 + 100);
  });
});
