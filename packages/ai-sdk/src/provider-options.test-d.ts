import type { ProviderV4 } from "@ai-sdk/provider";
import { generateText } from "ai";
import { describe, expectTypeOf, it } from "vitest";
import { createFriendli, type FriendliChatOptions, type FriendliProvider } from "./index.ts";

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
});
