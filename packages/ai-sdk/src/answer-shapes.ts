import { z } from "zod";

// The shapes of the answers the models read: every object, list and text they walk is
// checked before they walk it (a server decides the shape). Only what a model reads is
// described; other fields are left alone. Null reads as absent, as the API sends it.
// Only what zod 3.25 and 4 both have, since either may be the app's.

const text = z.string().nullish();
// Optional spelled out: zod 4 requires an `unknown()` key to be present.
const count = z.unknown().optional();

const usage = z
  .object({
    prompt_tokens: count,
    completion_tokens: count,
    prompt_tokens_details: z.object({ cached_tokens: count }).nullish(),
    completion_tokens_details: z.object({ reasoning_tokens: count }).nullish(),
  })
  .nullish();

const answerHead = { id: text, model: text, created: z.number().nullish(), usage };

// A tool call's id may come as a number, its arguments as an object: both are read.
const toolFunction = z.object({ name: text, arguments: z.unknown().optional() }).nullish();
const toolCallId = z.union([z.string(), z.number()]).nullish();

export const chatAnswerShape = z.object({
  ...answerHead,
  choices: z.array(
    z.object({
      message: z
        .object({
          content: text,
          reasoning_content: text,
          tool_calls: z.array(z.object({ id: toolCallId, function: toolFunction })).nullish(),
        })
        .nullish(),
      finish_reason: text,
    }),
  ),
});
export type ChatAnswer = z.infer<typeof chatAnswerShape>;

export const chatChunkShape = z.object({
  ...answerHead,
  choices: z
    .array(
      z.object({
        delta: z
          .object({
            content: text,
            reasoning_content: text,
            tool_calls: z
              .array(z.object({ index: z.number().nullish(), id: toolCallId, function: toolFunction }))
              .nullish(),
          })
          .nullish(),
        finish_reason: text,
      }),
    )
    .nullish(),
});
export type ChatChunk = z.infer<typeof chatChunkShape>;

/** One event of tool-assisted chat: a `tool_status` update, or a chat chunk (`token`, or no name). */
export const toolAssistedEventShape = z.object({ event: text, data: z.unknown().optional() });

export const toolStatusShape = z.object({
  tool_call_id: z.union([z.string(), z.number()]).nullish(),
  name: text,
  status: text,
  parameters: z.array(z.object({ name: z.string(), value: z.unknown().optional() })).nullish(),
  result: z.unknown().optional(),
  message: z.unknown().optional(),
  error: z.object({ msg: z.unknown().optional() }).nullish(),
});
export type ToolStatus = z.infer<typeof toolStatusShape>;

const completionChoice = z.object({ text, finish_reason: text });

export const completionAnswerShape = z.object({ ...answerHead, choices: z.array(completionChoice) });
export type CompletionAnswer = z.infer<typeof completionAnswerShape>;

export const completionChunkShape = z.object({ ...answerHead, choices: z.array(completionChoice).nullish() });

export const embeddingsAnswerShape = z.object({
  data: z.array(z.object({ index: z.number().int().min(0).nullish(), embedding: z.array(z.number()) })),
  usage: z.object({ prompt_tokens: count }).nullish(),
});

export const imagesAnswerShape = z.object({
  data: z.array(z.object({ b64_json: text, url: text })).nullish(),
  image: text,
});

export const transcriptionAnswerShape = z.object({ text: z.string(), usage: z.unknown().optional() });
