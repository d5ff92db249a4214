import { join, relative } from "node:path";
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
  /** What the app loads before it runs: its own file and the chunks it imports statically. */
  minBytes: number;
  gzBytes: number;
  /**
   * How many files the start is cut into: more than one when a module loaded on first use
   * imports one the start loads too (the bundler moves what both load to a chunk of its own).
   */
  startFiles: number;
  /** Everything, the chunks it imports only when a rarely used method is called (`import()`) too, bundled as one file. */
  totalGzBytes: number;
  /** The input files (as esbuild names them) with code in the start: what a test can check is loaded late. */
  startInputs: string[];
}

/**
 * Minified ESM for the browser, split as an app's bundler splits it (what is imported with
 * `import()` goes to a chunk loaded on first use), then gzip -9 of what loads at start;
 * and the whole app bundled as one file. Fails if any workspace input came from `src`. `logLevel: "silent"` when the caller reports the error
 * itself (bench:compare against an old build).
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
    splitting: true,
    outdir: "out",
    platform: "browser",
    format: "esm",
    write: false,
    metafile: true,
    logLevel,
  });
  const fromSource = Object.keys(result.metafile.inputs).filter((input) => /packages\/[^/]+\/src\//.test(input));
  if (fromSource.length > 0) throw new Error(`bundle took workspace sources, not dist: ${fromSource[0]}`);
  const outputs = result.metafile.outputs;
  // The app itself: each chunk loaded with `import()` has an entry point too (its module).
  // (esbuild names files relative to the working folder).
  const app = relative(process.cwd(), join(resolveDir, "app.js"));
  const entry = Object.keys(outputs).find((name) => outputs[name]?.entryPoint === app);
  if (!entry) throw new Error("esbuild produced no output");
  // The entry and, transitively, what it imports statically.
  const atStart = new Set<string>();
  const visit = (name: string) => {
    if (atStart.has(name)) return;
    atStart.add(name);
    for (const link of outputs[name]?.imports ?? []) if (link.kind === "import-statement") visit(link.path);
  };
  visit(entry);
  // The start's files as one text: what the app needs before it runs, without counting
  // the bundler's choice of how many files to cut it into (each gzipped alone costs more).
  const start: Uint8Array[] = [];
  for (const file of result.outputFiles) {
    const name = Object.keys(outputs).find((out) => file.path.endsWith(out));
    if (!name?.endsWith(".js")) continue;
    if (atStart.has(name)) start.push(file.contents);
  }
  const startCode = Buffer.concat(start);
  const startInputs = [...atStart].flatMap((name) =>
    Object.entries(outputs[name]?.inputs ?? {})
      .filter(([, input]) => input.bytesInOutput > 0)
      .map(([input]) => input),
  );
  return {
    minBytes: startCode.length,
    gzBytes: gzipSync(startCode, { level: 9 }).length,
    startFiles: start.length,
    startInputs,
    totalGzBytes: await wholeGzBytes(source, resolveDir, logLevel),
  };
}

/** The app as one file, nothing split: every byte it may load, as size-limit counts it. */
async function wholeGzBytes(source: string, resolveDir: string, logLevel: "error" | "silent"): Promise<number> {
  const result = await build({
    stdin: { contents: source, resolveDir, loader: "js", sourcefile: "app.js" },
    bundle: true,
    minify: true,
    platform: "browser",
    format: "esm",
    write: false,
    logLevel,
  });
  const code = result.outputFiles[0]?.contents;
  if (!code) throw new Error("esbuild produced no output");
  return gzipSync(code, { level: 9 }).length;
}

export async function bundleCases(resolveDir: string): Promise<Record<string, number>> {
  const results: Record<string, number> = {};
  for (const [key, source] of Object.entries(bundleApps)) {
    const size = await bundleSize(source, resolveDir);
    results[key] = size.gzBytes;
    results[`${key}_total`] = size.totalGzBytes;
  }
  return results;
}
