// What chat's `parse` and `runTools` need, in one module they load on first use (chat.ts):
// one lazily loaded module costs a bundle less than several.
export { sendCheckedChat } from "./check-chat-result.ts";
export { parseChatCompletion } from "./parse-chat-completion.ts";
export { runTools } from "./run-tools.ts";
