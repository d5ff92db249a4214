// The helper types the mock's reply types are built from, as the members of one namespace,
// `MockTypes`, so the entries' reports name every type their signatures use without three
// generic top-level names.
export type { ContentOf, OrUnknown, ResponsesOf } from "./mock-reply-types.ts";
