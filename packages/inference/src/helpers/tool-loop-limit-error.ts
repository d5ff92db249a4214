import { type components, FriendliError } from "@friendli-ts/client";

type Message = components["schemas"]["Message"];

// Its own file, apart from the tool loop: the package's entry exports the class, and an app
// that never runs tools then bundles the class alone, not the loop.
/** The model kept asking for tools past `maxSteps`. */
export class ToolLoopLimitError extends FriendliError {
  override name = "ToolLoopLimitError";
  readonly messages: Message[];
  constructor(steps: number, messages: Message[]) {
    super(`the model still wanted tools after ${steps} steps; raise maxSteps or check the tools' answers`);
    this.messages = messages;
  }
}
