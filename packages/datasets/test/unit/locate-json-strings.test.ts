import { describe, expect, it } from "vitest";
import { LocateError, locateJsonStrings, replaceJsonStrings, stringAt } from "../../src/locate-json-strings.ts";

const URL_PATH = ["messages", 0, "content", 1, "image_url", "url"];

describe("locateJsonStrings", () => {
  it("finds the string at each place and replaces it, leaving every other byte as written", () => {
    const text =
      '{ "n": 12345678901234567890, "messages" : [ {"role":"user", "content": [ {"type":"text","text":"a \\"url\\": [x]"},\n' +
      '{"type":"image_url","image_url":{"detail":"low","url":"https:\\/\\/e.com\\/a.png"}}, {"type":"image","image":"data:,x"} ]} ], "tail": [1.0e2, {}] }';
    const spans = locateJsonStrings(text, [URL_PATH, ["messages", 0, "content", 2, "image"]]);
    expect(spans.map((span) => stringAt(text, span))).toEqual(["https://e.com/a.png", "data:,x"]);
    const replaced = replaceJsonStrings(text, [
      { span: spans[1]!, value: "s3://b/2" },
      { span: spans[0]!, value: "s3://b/1" },
    ]);
    expect(replaced).toBe(text.replace('"https:\\/\\/e.com\\/a.png"', '"s3://b/1"').replace('"data:,x"', '"s3://b/2"'));
    expect(JSON.parse(replaced).messages[0].content[1].image_url.url).toBe("s3://b/1");
  });

  it("refuses a place written twice, whether the key itself or a container on the way repeats", () => {
    const twiceUrl = '{"messages":[{"role":"user","content":[{}, {"image_url":{"url":"a","url":"b"}}]}]}';
    const twiceMessages = '{"messages":[{"content":[{}, {"image_url":{"url":"a"}}]}],"messages":[]}';
    for (const text of [twiceUrl, twiceMessages]) {
      expect(() => locateJsonStrings(text, [URL_PATH])).toThrow(LocateError);
      expect(() => locateJsonStrings(text, [URL_PATH])).toThrow(/written twice/);
    }
  });

  it("walks no deeper than its targets, however deep the rest is nested", () => {
    const deep = `${"[".repeat(100_000)}${"]".repeat(100_000)}`;
    const text = `{"deep": ${deep}, "messages": [{"content": [0, {"image_url": {"url": "u"}}]}]}`;
    expect(locateJsonStrings(text, [URL_PATH]).map((span) => stringAt(text, span))).toEqual(["u"]);
  });

  it("ends a string at a quote after an escaped backslash, and not at an escaped quote", () => {
    // Raw text: `\\"` is an escaped backslash and then the closing quote; `\\\"` is one, then an escaped quote.
    const text = String.raw`{"messages":[{"content":[{"text":"C:\\"},{"image_url":{"url":"a\\"}}],"x":"q\\\"\\"}]}`;
    const spans = locateJsonStrings(text, [URL_PATH]);
    expect(spans.map((span) => stringAt(text, span))).toEqual(["a\\"]);
    expect(JSON.parse(text).messages[0].content[1].image_url.url).toBe("a\\");
  });

  it("says when a place is missing or not a string", () => {
    expect(() => locateJsonStrings('{"messages": []}', [URL_PATH])).toThrow(/not found/);
    expect(() => locateJsonStrings('{"a": 1}', [["a"]])).toThrow(/not a string/);
  });
});
