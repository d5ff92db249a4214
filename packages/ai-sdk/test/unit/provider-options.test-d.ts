import type { ProviderV4 } from "@ai-sdk/provider";
import { generateText, type Tool } from "ai";
import { describe, expectTypeOf, it } from "vitest";
import { createFriendli, type FriendliChatOptions, type FriendliProvider } from "../../src/index.ts";

describe("provider types", () => {
  it("the provider is an AI SDK v4 provider", () => {
    expectTypeOf<FriendliProvider>().toExtend<ProviderV4>();
  });

  it("Friendli's chat options are typed for providerOptions", () => {
    const friendli = createFriendli();
    const options = {
      minP: 0.1,
      regex: "\\d+",
      chatTemplateKwargs: { enable_thinking: false },
    } satisfies FriendliChatOptions;
    void generateText({ model: friendli("m"), prompt: "?", providerOptions: { friendli: options } });
    expectTypeOf<FriendliChatOptions["minP"]>().toEqualTypeOf<number | undefined>();
    expectTypeOf<FriendliChatOptions["parallelToolCalls"]>().toEqualTypeOf<boolean | undefined>();
    // @ts-expect-error minP is a number
    ({ minP: "high" }) satisfies FriendliChatOptions;
    // @ts-expect-error no such option
    ({ min_p: 0.1 }) satisfies FriendliChatOptions;
  });

  it("reasoning settings and chat template arguments are typed; enable_thinking is a boolean", () => {
    ({
      enableThinking: false,
      reasoningEffort: "ultracode",
      parseReasoning: true,
      chatTemplateKwargs: { enable_thinking: true, other: [1] },
    }) satisfies FriendliChatOptions;
    // @ts-expect-error enable_thinking is a boolean
    ({ chatTemplateKwargs: { enable_thinking: "yes" } }) satisfies FriendliChatOptions;
    // @ts-expect-error no such effort
    ({ reasoningEffort: "extreme" }) satisfies FriendliChatOptions;
  });

  it("built-in tools are AI SDK tools, given beside function tools", () => {
    const friendli = createFriendli();
    const tools = { search: friendli.tools.webSearch(), file: friendli.tools.fileText({ files: ["file-1"] }) };
    expectTypeOf(tools.search).toExtend<Tool>();
    void generateText({ model: friendli("m"), prompt: "?", tools });
    // @ts-expect-error fileText needs its file ids
    friendli.tools.fileText();
    expectTypeOf(friendli.listModels).returns.resolves.items.toHaveProperty("id").toEqualTypeOf<string>();
  });
});
