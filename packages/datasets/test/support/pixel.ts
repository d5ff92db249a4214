import { createHash } from "node:crypto";

/** A few bytes that start as a PNG does: the image the upload tests send. */
export const PIXEL = new Uint8Array([137, 80, 78, 71, 13, 10, 26, 10, 1, 2, 3]);

/** The pixel as a data URL, as a sample carries it. */
export const PIXEL_URL = `data:image/png;base64,${btoa(String.fromCharCode(...PIXEL))}`;

/** Hex SHA-256 of `bytes`: the name storage gives a media file. */
export const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");
