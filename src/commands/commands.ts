/**
 * Ribbon function commands (FunctionFile commands.html). They run without the task pane, so they
 * must finish on their own: every handler calls `event.completed()`, whatever happens.
 */
import { OfficeWorkbook } from "../workbook/office-adapter";
import type { WorkbookPort } from "../workbook/port";
import { selectNextEmptyRow } from "./select-next-empty-row";

/** Completes the ribbon event after the work, failing quietly: a button press must never leave Excel waiting. */
export async function runCommand(event: Pick<Office.AddinCommands.Event, "completed">, work: () => Promise<unknown>): Promise<void> {
  try {
    await work();
  } catch (error) {
    // No UI to show it in; the pane explains protected/read-only sheets when the editor opens it.
    console.error("faq-assist command failed", error);
  } finally {
    event.completed();
  }
}

export function registerCommands(port: () => WorkbookPort = () => new OfficeWorkbook()): void {
  Office.actions.associate("selectNextEmptyRow", (event: Office.AddinCommands.Event) =>
    runCommand(event, () => selectNextEmptyRow(port())),
  );
}

if (typeof Office !== "undefined") {
  void Office.onReady(() => registerCommands());
}
