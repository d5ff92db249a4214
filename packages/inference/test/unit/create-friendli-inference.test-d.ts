import type { CallOptions, components, paths, StreamData } from "@friendli-ts/client";
import { describe, expectTypeOf, it } from "vitest";
import { createFriendliInference, type InferenceTypes, type MethodBody, type Result } from "../../src/index.ts";
import type { Prefix } from "../../src/spec-types.ts";
import type { CollectedChatCompletion } from "../../src/streams/collect-chat-completion.ts";
import type { CompletionChunk } from "../../src/streams/collect-completion.ts";
import type { ToolAssistedChatEvent } from "../../src/streams/collect-tool-assisted-chat.ts";

type Schemas = components["schemas"];
type ServerlessInference = InferenceTypes.ServerlessInference;
type DedicatedInference = InferenceTypes.DedicatedInference;
type ContainerInference = InferenceTypes.ContainerInference;
type RunToolsOptions = InferenceTypes.RunToolsOptions;
const inference = createFriendliInference({ token: "t" });
const messages = [{ role: "user" as const, content: "Hi" }];

describe("signatures follow the spec", () => {
  it("chat.complete takes the spec body and returns the spec result", () => {
    type SpecBody = paths["/serverless/v1/chat/completions"]["post"]["requestBody"]["content"]["application/json"];
    type SpecResult = paths["/serverless/v1/chat/completions"]["post"]["responses"][200]["content"]["application/json"];
    expectTypeOf(inference.serverless.chat.complete).parameter(0).toEqualTypeOf<SpecBody & { stream?: never }>();
    expectTypeOf(inference.serverless.chat.complete).returns.toEqualTypeOf<Promise<SpecResult>>();
  });

  it("chat.stream yields the spec's chunk and collects a full completion", () => {
    type Stream = Awaited<ReturnType<DedicatedInference["chat"]["stream"]>>;
    expectTypeOf<Stream>().toEqualTypeOf<
      InferenceTypes.InferenceStream<Schemas["StreamedChatData"], CollectedChatCompletion>
    >();
    expectTypeOf<ReturnType<Stream["finalResult"]>>().toEqualTypeOf<Promise<CollectedChatCompletion>>();
    expectTypeOf<CollectedChatCompletion["choices"][number]["message"]["reasoning_content"]>().toEqualTypeOf<
      string | null | undefined
    >();
  });

  it("every stream family yields its own typed items", () => {
    type ItemOf<S> = S extends InferenceTypes.InferenceStream<infer Item, unknown> ? Item : never;
    type StreamOf<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;
    expectTypeOf<ItemOf<StreamOf<ServerlessInference["completions"]["stream"]>>>().toEqualTypeOf<
      Schemas["StreamedCompletionData"]
    >();
    expectTypeOf<ItemOf<StreamOf<ContainerInference["responses"]["stream"]>>>().toEqualTypeOf<
      Schemas["ResponsesStreamEvent"]
    >();
    expectTypeOf<ItemOf<StreamOf<DedicatedInference["messages"]["stream"]>>>().toEqualTypeOf<
      Schemas["MessagesStreamEvent"]
    >();
    expectTypeOf<ItemOf<StreamOf<ServerlessInference["audio"]["transcriptions"]["stream"]>>>().toEqualTypeOf<
      Schemas["StreamedAudioTranscriptionData"]
    >();
    expectTypeOf<
      ItemOf<StreamOf<ServerlessInference["toolAssistedChat"]["stream"]>>
    >().toEqualTypeOf<ToolAssistedChatEvent>();
  });

  it("one stream item type serves every deployment kind: each kind's spec item is exactly it", () => {
    // If the spec ever gave one kind its own chunk type, these would fail (the streams'
    // item types are the spec's, taken over all kinds).
    type Same<P extends Prefix> = [
      StreamData<`${P}/v1/chat/completions#stream`>,
      StreamData<`${P}/v1/completions#stream`>,
      StreamData<`${P}/v1/responses#stream`>,
      StreamData<`${P}/v1/messages#stream`>,
      StreamData<`${P}/v1/audio/transcriptions#stream`>,
    ];
    type Expected = [
      InferenceTypes.StreamItem<"dedicated.chat.stream">,
      CompletionChunk,
      InferenceTypes.StreamItem<"container.responses.stream">,
      InferenceTypes.StreamItem<"serverless.messages.stream">,
      InferenceTypes.StreamItem<"serverless.audio.transcriptions.stream">,
    ];
    expectTypeOf<Same<"/serverless">>().toEqualTypeOf<Expected>();
    expectTypeOf<Same<"/dedicated">>().toEqualTypeOf<Expected>();
    expectTypeOf<Same<"">>().toEqualTypeOf<Expected>();
  });

  it("MethodBody, Result, StreamItem and FinalResult name any method's types by its name", () => {
    type SpecBody = paths["/dedicated/v1/embeddings"]["post"]["requestBody"]["content"]["application/json"];
    type SpecResult = paths["/dedicated/v1/embeddings"]["post"]["responses"][200]["content"]["application/json"];
    expectTypeOf<MethodBody<"dedicated.embeddings.create">>().toEqualTypeOf<SpecBody>();
    expectTypeOf<Result<"dedicated.embeddings.create">>().toEqualTypeOf<SpecResult>();
    expectTypeOf<MethodBody<"serverless.chat.complete">>().toEqualTypeOf<
      Parameters<ServerlessInference["chat"]["complete"]>[0]
    >();
    expectTypeOf<Result<"serverless.chat.stream">>().toEqualTypeOf<
      InferenceTypes.InferenceStream<Schemas["StreamedChatData"], CollectedChatCompletion>
    >();
    expectTypeOf<InferenceTypes.StreamItem<"serverless.chat.stream">>().toEqualTypeOf<Schemas["StreamedChatData"]>();
    expectTypeOf<InferenceTypes.FinalResult<"container.chat.stream">>().toEqualTypeOf<CollectedChatCompletion>();
    // @ts-expect-error: not a method of any kind (embeddings are dedicated only)
    type _NoSuchMethod = MethodBody<"serverless.embeddings.create">;
  });

  it("every method takes the client's CallOptions after its body; runTools takes them among its own", () => {
    expectTypeOf(inference.serverless.chat.complete).parameter(1).toEqualTypeOf<CallOptions | undefined>();
    expectTypeOf(inference.dedicated.chat.stream).parameter(1).toEqualTypeOf<CallOptions | undefined>();
    expectTypeOf(inference.container.audio.transcriptions.create).parameter(1).toEqualTypeOf<CallOptions | undefined>();
    expectTypeOf(inference.serverless.models.list).parameter(0).toEqualTypeOf<CallOptions | undefined>();
    expectTypeOf(inference.serverless.chat.parse).parameter(2).toEqualTypeOf<CallOptions | undefined>();
    expectTypeOf<RunToolsOptions>().toExtend<CallOptions>();
  });

  it("tool-assisted events are a union discriminated by `event`", () => {
    const handle = (event: ToolAssistedChatEvent) => {
      if (event.event === "tool_status") expectTypeOf(event.data).toEqualTypeOf<Schemas["ToolStatusData"]>();
      else expectTypeOf(event.data).toEqualTypeOf<Schemas["StreamedChatData"]>();
    };
    expectTypeOf(handle).toBeFunction();
  });

  it("each deployment kind has exactly the families the spec gives it", () => {
    expectTypeOf<ServerlessInference>().toHaveProperty("toolAssistedChat");
    expectTypeOf<ServerlessInference>().toHaveProperty("knowledge");
    expectTypeOf<ServerlessInference>().not.toHaveProperty("embeddings");
    expectTypeOf<ServerlessInference>().not.toHaveProperty("images");
    expectTypeOf<DedicatedInference>().toHaveProperty("embeddings");
    expectTypeOf<DedicatedInference["chat"]>().toHaveProperty("render");
    expectTypeOf<ContainerInference["chat"]>().not.toHaveProperty("render");
    expectTypeOf<ContainerInference>().not.toHaveProperty("embeddings");
    expectTypeOf<ContainerInference>().toHaveProperty("classification");
  });
});

describe("bodies type-check as the spec allows", () => {
  it("a container call may leave out the model; serverless may not", () => {
    void inference.container.chat.complete({ messages });
    // @ts-expect-error model is required for serverless
    void inference.serverless.chat.complete({ messages });
  });

  it("completions take a prompt or tokens", () => {
    void inference.serverless.completions.complete({ model: "m", prompt: "Once" });
    void inference.serverless.completions.complete({ model: "m", tokens: [1, 2] });
    // @ts-expect-error one of prompt or tokens is needed
    void inference.serverless.completions.complete({ model: "m" });
  });

  it("`stream` is set by the method, never by the caller", () => {
    // @ts-expect-error use chat.stream() instead
    void inference.serverless.chat.complete({ model: "m", messages, stream: true });
    // @ts-expect-error the stream method sets it
    void inference.serverless.chat.stream({ model: "m", messages, stream: true });
  });

  it("audio accepts Blobs, bytes and byte streams, not file names", () => {
    const t = inference.dedicated.audio.transcriptions;
    void t.create({ model: "ep", file: new Blob([]) });
    void t.create({ model: "ep", file: new Uint8Array(4) });
    void t.create({ model: "ep", file: new Blob([]).stream() });
    // @ts-expect-error a path is not an upload
    void t.create({ model: "ep", file: "speech.wav" });
  });

  it("multimodal user messages: image, audio and video URLs or base64 data URLs", () => {
    void inference.serverless.chat.complete({
      model: "m",
      messages: [
        {
          role: "user",
          content: [
            { type: "text", text: "What is in these?" },
            { type: "image_url", image_url: { url: "https://example.com/cat.png" } },
            { type: "image_url", image_url: { url: "data:image/png;base64,iVBORw0KGgo=" } },
            { type: "audio_url", audio_url: { url: "https://example.com/hello.wav" } },
            { type: "video_url", video_url: { url: "https://example.com/clip.mp4" } },
          ],
        },
      ],
    });
    void inference.serverless.chat.complete({
      model: "m",
      // @ts-expect-error an image part needs an image_url object, not a bare string
      messages: [{ role: "user", content: [{ type: "image_url", image_url: "https://example.com/cat.png" }] }],
    });
  });

  it("multimodal Messages API blocks: base64 and URL image sources", () => {
    void inference.dedicated.messages.create({
      model: "ep",
      messages: [
        {
          role: "user",
          content: [
            { type: "image", source: { type: "base64", media_type: "image/png", data: "iVBORw0KGgo=" } },
            { type: "image", source: { type: "url", url: "https://example.com/cat.png" } },
            { type: "text", text: "Describe both." },
          ],
        },
      ],
    });
  });

  it("assistant messages carry reasoning and tool calls back into the conversation", () => {
    void inference.serverless.chat.complete({
      model: "m",
      messages: [
        { role: "user", content: "Weather?" },
        {
          role: "assistant",
          reasoning_content: "Need a tool.",
          tool_calls: [{ id: "c1", type: "function", function: { name: "weather", arguments: "{}" } }],
        },
        { role: "tool", tool_call_id: "c1", content: '{"temp":3}' },
      ],
    });
  });
});
