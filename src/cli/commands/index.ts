/** The FAQ commands, dispatched by main.ts. */
import { checkCommand } from "./check";
import type { Command } from "./context";
import { exportCommand } from "./export";
import { searchCommand } from "./search";

export const FAQ_COMMANDS: ReadonlyMap<string, Command> = new Map([
  ["search", searchCommand],
  ["check", checkCommand],
  ["export", exportCommand],
]);

export type { CommandContext } from "./context";
