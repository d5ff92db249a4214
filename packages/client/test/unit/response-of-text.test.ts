import { describe, expect, it } from "vitest";
import { responseOfText } from "../../src/transport/response-of-text.ts";

const like = new Response(null, {
  status: 201,
  statusText: "Created",
  headers: {
    "content-type": "application/json",
    "content-length": "99",
    "content-encoding": "gzip",
    "x-request-id": "r1",
  },
});

describe("responseOfText", () => {
  it("is a Response with the status and headers it was made like, less the length and encoding of the bytes sent", () => {
    const response = responseOfText('{"a":1}', like);
    expect(response).toBeInstanceOf(Response);
    expect([response.status, response.statusText, response.ok]).toEqual([201, "Created", true]);
    expect(Object.fromEntries(response.headers)).toEqual({ "content-type": "application/json", "x-request-id": "r1" });
  });

  it("hands its text over once, as text or JSON, and is used after", async () => {
    const response = responseOfText('{"a":"é"}', like);
    expect(response.bodyUsed).toBe(false);
    expect(await response.json()).toEqual({ a: "é" });
    expect(response.bodyUsed).toBe(true);
    await expect(response.text()).rejects.toThrow(TypeError);
    expect(() => response.clone()).toThrow(TypeError);
    // Its body, asked for after the text was taken, is a used one, as a real Response's is.
    expect(response.body?.locked).toBe(true);
    const text = responseOfText("plain", like);
    expect(await text.text()).toBe("plain");
    await expect(text.json()).rejects.toThrow(TypeError);
  });

  it("reads as a real Response through its body stream, bytes and blob, and its clones read the same", async () => {
    const streamed = responseOfText("héllo", like);
    const reader = streamed.body?.getReader();
    expect(new TextDecoder().decode((await reader?.read())?.value)).toBe("héllo");
    expect(streamed.bodyUsed).toBe(true);
    await expect(streamed.text()).rejects.toThrow(TypeError);

    const original = responseOfText("héllo", like);
    const copy = original.clone();
    expect(copy.status).toBe(201);
    expect(await copy.text()).toBe("héllo");
    expect(new TextDecoder().decode(await original.arrayBuffer())).toBe("héllo");
    expect(original.bodyUsed).toBe(true);
    expect(await responseOfText("ab", like).bytes()).toEqual(new Uint8Array([97, 98]));
    const blob = await responseOfText("ab", like).blob();
    expect([blob.type, await blob.text()]).toEqual(["application/json", "ab"]);
  });
});
