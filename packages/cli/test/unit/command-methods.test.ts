import type { Command } from "commander";
import { describe, expect, it } from "vitest";
import { operationMethods as datasets } from "../../../datasets/src/operation-methods.ts";
import { operationMethods as endpoints } from "../../../endpoints/src/operation-methods.ts";
import { operationMethods as inference } from "../../../inference/src/operation-methods.ts";
import { buildProgram } from "../../src/build-program.ts";
import { commandMethods } from "../../src/command-methods.ts";
import { Session } from "../../src/session.ts";

/** `cost`, `endpoints list`, ...: every command that runs something (a group runs its subcommands). */
function commandNames(command: Command, prefix = ""): string[] {
  return command.commands.flatMap((sub) => {
    const name = `${prefix}${sub.name()}`;
    return sub.commands.length ? commandNames(sub, `${name} `) : [name];
  });
}

describe("commandMethods", () => {
  it("has an entry for every command the program registers, and none other", () => {
    const program = buildProgram(new Session(new AbortController().signal), { writeErr: () => {} });
    expect(Object.keys(commandMethods).sort()).toEqual(commandNames(program).sort());
  });

  it("names only methods the packages' operation tables hold", () => {
    const known = new Set([
      ...Object.values(inference).map((m) => `inference.${m}`),
      ...Object.values(endpoints).map((m) => `endpoints.${m}`),
      ...Object.values(datasets).map((m) => `datasets.${m}`),
    ]);
    const unknown = Object.values(commandMethods)
      .flat()
      .filter((m) => !known.has(m));
    expect(unknown).toEqual([]);
  });
});
