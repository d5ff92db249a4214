import { type components, FriendliError } from "@friendli-ts/client";

/** The model kept asking for tools past `maxSteps`. */
export class ToolLoopLimitError extends FriendliError {
  override name = "ToolLoopLimitError";
  readonly messages: components["schemas"]["Message"][];
  constructor(steps: number, messages: components["schemas"]["Message"][]) {
    super(`the model still wanted tools after ${steps} steps; raise maxSteps or check the tools' answers`);
    this.messages = messages;
  }
}
