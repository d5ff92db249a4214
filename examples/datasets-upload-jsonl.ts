// Creates a dataset and uploads a JSONL file whose samples carry images.
//   pnpm exec tsx --conditions=source examples/datasets-upload-jsonl.ts
// Without FRIENDLI_TOKEN it runs against a local mock server plus a local S3-compatible
// storage server; with FRIENDLI_TOKEN and FRIENDLI_PROJECT_ID it uses your Friendli project.
import { openAsBlob } from "node:fs";
import { mkdtemp, rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createFriendliDatasets, type SharedClientOptions } from "@friendli-ts/datasets";
import { startLocalStack } from "@friendli-ts/test-kit/start-local-stack";

// A 1x1 PNG, inlined as a data URL like an exported dataset would have it.
const PNG =
  "data:image/png;base64,iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==";

const lines = [
  {
    messages: [
      { role: "user", content: "Say hi." },
      { role: "assistant", content: "Hi!" },
    ],
  },
  {
    messages: [
      {
        role: "user",
        content: [
          { type: "text", text: "What colour is this pixel?" },
          { type: "image_url", image_url: { url: PNG } },
        ],
      },
      { role: "assistant", content: "Red." },
    ],
  },
  // The docs' shorthand image form works too.
  {
    messages: [
      { role: "user", content: [{ type: "image", image: PNG }] },
      { role: "assistant", content: "The same pixel again." },
    ],
  },
];

const dir = await mkdtemp(join(tmpdir(), "friendli-example-"));
const local = process.env.FRIENDLI_TOKEN ? undefined : await startLocalStack();
try {
  const file = join(dir, "vision.jsonl");
  await writeFile(file, lines.map((line) => JSON.stringify(line)).join("\n"));

  const options: SharedClientOptions = local?.options ?? {};
  const projectId = process.env.FRIENDLI_PROJECT_ID ?? "demo-project";
  const friendli = createFriendliDatasets(options);

  const dataset = await friendli.datasets.open({ projectId, name: "vision-demo", modality: ["TEXT", "IMAGE"] });
  console.log(`${dataset.created ? "created" : "found"} dataset ${dataset.id} (${dataset.info.name})`);

  const ids = await dataset.uploadSamples(await openAsBlob(file), {
    split: "train",
    // Call options hold for every request of the upload: API, storage and image downloads.
    timeout: 120_000,
    onProgress: (p) => console.log(`  ${p.samplesDone} samples, ${p.mediaFiles} images (${p.mediaBytes} bytes)`),
  });
  console.log(`uploaded ${ids.length} samples: ${ids.join(", ")}`);

  // listAll fetches page after page as you read; toArray(n) stops after n items.
  const train = await dataset.split("train");
  const listed = await friendli.samples.listAll(dataset.id, String(train.id)).toArray(5);
  console.log(`listed ${listed.length} sample(s) back from the split`);

  if (local) {
    const posts = local.storage.requests.filter((r) => r.method === "POST");
    console.log(
      `storage received ${posts.length} upload(s), none with an Authorization header:`,
      posts.every((r) => r.authorization === undefined),
    );
  }
} finally {
  await local?.stop();
  await rm(dir, { recursive: true, force: true });
}
