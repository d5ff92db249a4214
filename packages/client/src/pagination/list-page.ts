import type { CallCore } from "../client/call-core.ts";
import { type AnswerProblem, checkedAnswer, isJsonObject, notAnObject } from "../client/checked-answer.ts";
import type { Page } from "./paginate.ts";

/** Where a list answer keeps its page: the items and the next page's token. */
export interface ListFields {
  /** The field of the items: a list, or with `keyedBy` an object of items by key. */
  items: string;
  /** The field of the next page's token, or how to read it (a `has_more` beside it). */
  next: string | ((data: Record<string, unknown>) => unknown);
  /** The items come as an object by key; each becomes `{ ...item, [keyedBy]: key }`. */
  keyedBy?: string;
}

/**
 * One page of a list answer for `paginate`, its shape checked before anything is walked:
 * the answer is an object, its items a list (or, with `keyedBy`, an object of objects), and
 * anything else an InvalidResponseError naming `what` with the answer's status and headers,
 * never a TypeError or a string walked a character at a time. Every wrapper's `listAll`
 * reads its pages through this.
 */
export function listPage<Item>(
  core: CallCore,
  answer: { data: unknown; response: Response },
  what: string,
  fields: ListFields,
): Page<Item> {
  const { items: field, next, keyedBy } = fields;
  const itemsProblem: AnswerProblem = (data) => {
    const items = (data as Record<string, unknown>)[field];
    if (keyedBy === undefined) return Array.isArray(items) ? undefined : `\`${field}\` is not a list`;
    if (!isJsonObject(items)) return `\`${field}\` is not an object`;
    for (const key in items) {
      if (Object.hasOwn(items, key) && !isJsonObject(items[key])) return `\`${field}.${key}\` is not an object`;
    }
    return undefined;
  };
  const data = checkedAnswer(core, answer, what, notAnObject, itemsProblem) as Record<string, unknown>;
  const listed = data[field];
  const items = (
    keyedBy === undefined
      ? listed
      : Object.entries(listed as Record<string, object>).map(([key, item]) => ({ ...item, [keyedBy]: key }))
  ) as Item[];
  return { items, next: typeof next === "function" ? next(data) : data[next], response: answer.response };
}
