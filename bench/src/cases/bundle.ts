import { gzipSync } from "node:zlib";
import { build } from "esbuild";

// Case 3: a small browser app that streams one chat completion and prints the text, with
// each SDK. Workspace packages resolve to their built `dist` (esbuild's default
// conditions; never `source`), so run `pnpm build` first (`pnpm bench` does).
export const bundleApps = {
  // The smallest way the inference README shows: chat alone, not the whole of createFriendliInference.
  bundle_gz_bytes: `
import { createChat } from "@friendli-ts/inference";
const chat = createChat("serverless", { token: "bench", baseURL: "http://127.0.0.1:8080" });
const stream = await chat.stream({ model: "bench-model", messages: [{ role: "user", content: "Hi" }] });
for await (const text of stream.textDeltas()) console.log(text);
`,
  // One family of another kind each: only that family's routes and the client's door.
  bundle_gz_bytes_embeddings: `
import { createEmbeddings } from "@friendli-ts/inference";
const embeddings = createEmbeddings({ token: "bench", baseURL: "http://127.0.0.1:8080" });
const result = await embeddings.create({ model: "bench-model", input: "Hi" });
console.log(result.data.length);
`,
  bundle_gz_bytes_images: `
import { createImages } from "@friendli-ts/inference";
const images = createImages("dedicated", { token: "bench", baseURL: "http://127.0.0.1:8080" });
const result = await images.generate({ model: "bench-model", prompt: "a cat" });
console.log(JSON.stringify(result).length);
`,
  bundle_gz_bytes_audio: `
import { createAudio } from "@friendli-ts/inference";
const audio = createAudio("serverless", { token: "bench", baseURL: "http://127.0.0.1:8080" });
const stream = await audio.transcriptions.stream({ model: "bench-model", file: new Blob([new Uint8Array(4)]) });
for await (const text of stream.textDeltas()) console.log(text);
`,
  // Every family at once, for reference.
  bundle_gz_bytes_all_families: `
import { createFriendliInference } from "@friendli-ts/inference";
const { serverless } = createFriendliInference({ token: "bench", baseURL: "http://127.0.0.1:8080" });
const stream = await serverless.chat.stream({ model: "bench-model", messages: [{ role: "user", content: "Hi" }] });
for await (const text of stream.textDeltas()) console.log(text);
`,
  bundle_gz_bytes_openai: `
import OpenAI from "openai";
const client = new OpenAI({ apiKey: "bench", baseURL: "http://127.0.0.1:8080/serverless/v1", dangerouslyAllowBrowser: true });
const stream = await client.chat.completions.create({ model: "bench-model", messages: [{ role: "user", content: "Hi" }], stream: true });
for await (const chunk of stream) console.log(chunk.choices[0]?.delta?.content ?? "");
`,
  // The low-level client alone, for reference.
  bundle_gz_bytes_client: `
import { createFriendliClient } from "@friendli-ts/client";
const client = createFriendliClient({ token: "bench", baseURL: "http://127.0.0.1:8080" });
const stream = await client.stream("/serverless/v1/chat/completions#stream", { body: { model: "bench-model", messages: [{ role: "user", content: "Hi" }] } });
for await (const { data } of stream) console.log(data.choices[0]?.delta.content ?? "");
`,
};

export interface BundleSize {
  minBytes: number;
  gzBytes: number;
}

/**
 * Minified ESM for the browser, then gzip -9; fails if any workspace input came from `src`.
 * `logLevel: "silent"` when the caller reports the error itself (bench:compare against an old build).
 */
export async function bundleSize(
  source: string,
  resolveDir: string,
  logLevel: "error" | "silent" = "error",
): Promise<BundleSize> {
  const result = await build({
    stdin: { contents: source, resolveDir, loader: "js", sourcefile: "app.js" },
    bundle: true,
    minify: true,
    platform: "browser",
    format: "esm",
    write: false,
    metafile: true,
    logLevel,
  });
  const fromSource = Object.keys(result.metafile.inputs).filter((input) => /packages\/[^/]+\/src\//.test(input));
  if (fromSource.length > 0) throw new Error(`bundle took workspace sources, not dist: ${fromSource[0]}`);
  const code = result.outputFiles[0]?.contents;
  if (!code) throw new Error("esbuild produced no output");
  return { minBytes: code.length, gzBytes: gzipSync(code, { level: 9 }).length };
}

export async function bundleCases(resolveDir: string): Promise<Record<string, number>> {
  const results: Record<string, number> = {};
  for (const [key, source] of Object.entries(bundleApps)) results[key] = (await bundleSize(source, resolveDir)).gzBytes;
  return results;
}
