import { responseOfBody } from "./read-body-capped.ts";

let TextResponse: (new (text: string, like: Response) => Response) | undefined;

/**
 * What `responseOfBody(text, like)` gives, a Response with `like`'s status and headers over
 * text already read, without building its body stream unless someone asks for it: `text()`
 * and `json()` (how openapi-fetch reads an answer) hand the text over as it is, and `clone()`
 * shares it. Anything else that reads the body (`body`, `arrayBuffer()`, `blob()`, ...) goes
 * to a real Response over the same text, made then, so it behaves as one in every detail.
 * Made on first use: a class that extends a global at module level would stay in every bundle.
 */
export function responseOfText(text: string, like: Response): Response {
  const Made = (TextResponse ??= class FriendliTextResponse extends Response {
    /** The text, until it is taken. */
    #text: string | undefined;
    #real: Response | undefined;

    constructor(text: string, like: Response) {
      super(null, like);
      // The text is decoded: the length and encoding of the bytes sent no longer hold.
      this.headers.delete("content-length");
      this.headers.delete("content-encoding");
      this.#text = text;
    }

    /** A real Response over the text; once the text was taken, a used one. */
    #full(): Response {
      if (!this.#real) {
        this.#real = responseOfBody(this.#text ?? "", this);
        if (this.#text === undefined) this.#real.text().catch(() => {});
      }
      return this.#real;
    }

    override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
      return this.#full().body;
    }

    override get bodyUsed(): boolean {
      return this.#real ? this.#real.bodyUsed : this.#text === undefined;
    }

    override text(): Promise<string> {
      const text = this.#text;
      if (this.#real || text === undefined) return this.#full().text();
      this.#text = undefined;
      return Promise.resolve(text);
    }

    override json(): Promise<unknown> {
      return this.text().then(JSON.parse);
    }

    override arrayBuffer(): Promise<ArrayBuffer> {
      return this.#full().arrayBuffer();
    }

    override bytes(): Promise<Uint8Array<ArrayBuffer>> {
      return this.#full().bytes();
    }

    override blob(): Promise<Blob> {
      return this.#full().blob();
    }

    override formData(): Promise<FormData> {
      return this.#full().formData();
    }

    override clone(): Response {
      const text = this.#text;
      return this.#real || text === undefined ? this.#full().clone() : responseOfText(text, this);
    }
  });
  return new Made(text, like);
}
