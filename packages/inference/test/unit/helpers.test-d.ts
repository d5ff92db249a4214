import { describe, expectTypeOf, it } from "vitest";
import { z } from "zod";
import { createFriendliInference, functionTool, rebuildStream } from "../../src/index.ts";
import type { CollectedTranscription } from "../../src/streams/collect-transcription.ts";

const { serverless, container } = createFriendliInference({ token: "t" });
const messages = [{ role: "user" as const, content: "Hi" }];

describe("helper types", () => {
  it("parse infers the output from zod, or takes it from the caller for JSON Schema", async () => {
    const fromZod = await serverless.chat.parse({ model: "m", messages }, z.object({ n: z.number().optional() }));
    expectTypeOf(fromZod.parsed).toEqualTypeOf<{ n?: number | undefined }>();
    expectTypeOf(fromZod.choices).toEqualTypeOf<Awaited<ReturnType<typeof serverless.chat.complete>>["choices"]>();
    const fromJson = await container.chat.parse<{ ok: boolean }>({ messages }, { type: "object" });
    expectTypeOf(fromJson.parsed).toEqualTypeOf<{ ok: boolean }>();
    // @ts-expect-error the schema sets response_format
    void serverless.chat.parse({ model: "m", messages, response_format: { type: "json_object" } }, { type: "object" });
  });

  it("functionTool types run's arguments from a zod schema", () => {
    functionTool({
      name: "t",
      parameters: z.object({ city: z.string() }),
      run: (args) => {
        expectTypeOf(args).toEqualTypeOf<{ city: string }>();
        return args.city;
      },
    });
    functionTool({
      name: "t",
      parameters: { type: "object" },
      run: (args) => {
        expectTypeOf(args).toBeUnknown();
      },
    });
  });

  it("rebuildStream gives the named family's stream back", () => {
    const stream = rebuildStream("transcriptions", new ReadableStream<Uint8Array>());
    expectTypeOf(stream.finalResult()).resolves.toEqualTypeOf<CollectedTranscription>();
    // @ts-expect-error not a stream family
    rebuildStream("embeddings", new ReadableStream<Uint8Array>());
  });
});
