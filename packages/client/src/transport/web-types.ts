// Names for web types that the emitted declarations can use on every TypeScript from the
// floor in the README (5.0) to 7, with the DOM lib or with @types/node alone. `HeadersInit`,
// `BodyInit` and `ReadableStreamReadResult` exist only in the DOM lib, and `Uint8Array<...>`
// is generic only from TypeScript 5.7: written directly, each fails a user's compile with
// `skipLibCheck: false`. Each alias below is read off a type both libs declare, and so means
// the same as the DOM name where that exists.

/** Bytes in a buffer of their own (`Uint8Array<ArrayBuffer>` from TypeScript 5.7 on): what fetch takes as a body. */
export type OwnedBytes = ReturnType<Uint8ArrayConstructor["of"]>;

/** Headers in any form fetch takes: a Headers, pairs, or a record (the DOM's `HeadersInit`). */
export type HeadersInput = NonNullable<RequestInit["headers"]>;

/** A body in any form fetch takes (the DOM's `BodyInit`). */
export type BodyInput = NonNullable<RequestInit["body"]>;

/** One read of a byte stream (the DOM's `ReadableStreamReadResult<Uint8Array>`). */
export type ByteReadResult = Awaited<ReturnType<ReadableStreamDefaultReader<Uint8Array>["read"]>>;
