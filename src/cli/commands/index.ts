/** The FAQ commands, dispatched by main.ts. */
import { acceptanceCommand } from "./acceptance";
import { checkCommand } from "./check";
import type { Command } from "./context";
import { exportCommand } from "./export";
import { searchCommand } from "./search";

export const FAQ_COMMANDS: ReadonlyMap<string, Command> = new Map([
  ["search", searchCommand],
  ["check", checkCommand],
  ["export", exportCommand],
  ["acceptance", acceptanceCommand],
]);

export type { CommandContext } from "./context";
