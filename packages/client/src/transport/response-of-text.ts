import { responseOfBody } from "./read-body-capped.ts";

interface ResponseLike {
  status: number;
  statusText?: string;
  headers: Headers;
}

let TextResponse: (new (text: string, like: ResponseLike) => Response) | undefined;

/**
 * What `responseOfBody(text, like)` gives, a Response with `like`'s status and headers over
 * text already read, without building its body stream unless someone asks for it: `text()`
 * and `json()` (how openapi-fetch reads an answer) hand the text over as it is, and `clone()`
 * shares it. Anything else that reads the body (`body`, `arrayBuffer()`, `blob()`, ...) goes
 * to a real Response over the same text, made then, so it behaves as one in every detail.
 * Made on first use: a class that extends a global at module level would stay in every bundle.
 */
export function responseOfText(text: string, like: ResponseLike): Response {
  const Made = (TextResponse ??= class FriendliTextResponse extends Response {
    #text: string;
    #used = false;
    #real: Response | undefined;

    constructor(text: string, like: ResponseLike) {
      super(null, { status: like.status, statusText: like.statusText ?? "", headers: like.headers });
      // The text is decoded: the length and encoding of the bytes sent no longer hold.
      this.headers.delete("content-length");
      this.headers.delete("content-encoding");
      this.#text = text;
    }

    /** The real Response over the text; read at once if the text was taken already, as a used body is. */
    #full(): Response {
      if (!this.#real) {
        this.#real = responseOfBody(this.#text, this);
        if (this.#used) this.#real.text().catch(() => {});
      }
      return this.#real;
    }

    #take(): Promise<string> {
      if (this.#real || this.#used) return this.#full().text();
      this.#used = true;
      return Promise.resolve(this.#text);
    }

    override get body(): ReadableStream<Uint8Array<ArrayBuffer>> | null {
      return this.#full().body;
    }

    override get bodyUsed(): boolean {
      return this.#real ? this.#real.bodyUsed : this.#used;
    }

    override text(): Promise<string> {
      return this.#take();
    }

    override json(): Promise<unknown> {
      return this.#take().then(JSON.parse);
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
      return this.#real || this.#used ? this.#full().clone() : responseOfText(this.#text, this);
    }
  });
  return new Made(text, like);
}
