// The schemas the option types are read from (`FriendliChatOptions` is `z.infer` of one), as
// the members of one type namespace, `FriendliOptionSchemas`, so the entry's report names every
// type its signatures use without three more top-level names.
export { friendliChatOptionsSchema } from "./friendli-chat-options.ts";
export { friendliImageOptionsSchema } from "./friendli-image-model.ts";
export { friendliTranscriptionOptionsSchema } from "./friendli-transcription-model.ts";
