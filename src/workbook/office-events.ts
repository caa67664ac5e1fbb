/**
 * Office.js events and the selection: selection and sheet-change events with their address, type and
 * source, handlers removed inside `Excel.run` with the context they were added in, as Microsoft documents.
 */
import { rangeAddress } from "./a1-address";
import type { OfficeConnection } from "./office-host";
import { a1, type CellAddress, type SelectionInfo, type SheetChange, type SheetChangeKind, type Unsubscribe } from "./port";

/** Maps Excel's change type to what the pane needs to know. */
function changeKind(changeType: string | undefined): SheetChangeKind {
  switch (changeType) {
    case "RangeEdited":
      return "edit";
    case "RowInserted":
      return "rowsInserted";
    case "RowDeleted":
      return "rowsDeleted";
    case "ColumnInserted":
      return "columnsInserted";
    case "ColumnDeleted":
      return "columnsDeleted";
    case "CellInserted":
      return "cellsInserted";
    case "CellDeleted":
      return "cellsDeleted";
    default:
      return "unknown";
  }
}

function changeSource(source: string | undefined): SheetChange["source"] {
  return source === "Local" ? "local" : source === "Remote" ? "remote" : "unknown";
}

export class OfficeEvents {
  private readonly sheetNames = new Map<string, string>();

  constructor(private readonly host: OfficeConnection) {}

  async getSelection(): Promise<SelectionInfo> {
    return this.host.run("readFailed", async (context) => {
      let range = context.workbook.getSelectedRange();
      range.load("rowIndex,columnIndex,rowCount,columnCount");
      range.worksheet.load("name");
      try {
        await context.sync();
      } catch (error) {
        // Several areas selected (Ctrl+click): use the first one where the API can tell us (1.9).
        if (!this.host.supports("1.9")) throw error;
        range = context.workbook.getSelectedRanges().areas.getItemAt(0);
        range.load("rowIndex,columnIndex,rowCount,columnCount");
        range.worksheet.load("name");
        await context.sync();
      }
      // The address is built from the indexes: a whole row ("5:5") or column ("A:A") needs no parsing.
      const rect = { top: range.rowIndex + 1, left: range.columnIndex + 1, bottom: range.rowIndex + range.rowCount, right: range.columnIndex + range.columnCount };
      return {
        // eslint-disable-next-line office-addins/load-object-before-read -- worksheet/name is loaded with the range above
        sheetName: range.worksheet.name,
        row: rect.top,
        column: rect.left,
        rowCount: range.rowCount,
        columnCount: range.columnCount,
        address: rangeAddress(rect),
      };
    });
  }

  async selectCell(sheetName: string, cell: CellAddress): Promise<void> {
    await this.host.run("readFailed", async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      sheet.activate();
      sheet.getRange(a1(cell)).select();
      await context.sync();
    });
  }

  async onSelectionChanged(listener: () => void): Promise<Unsubscribe> {
    const fire = async () => listener();
    return this.host.run("readFailed", async (context) => {
      // The collection's event (1.9) follows every sheet; the workbook's (1.2) is the fallback. The pane
      // does not rely on either alone: it also re-reads the selection when it regains focus.
      const handler = this.host.supports("1.9") ? context.workbook.worksheets.onSelectionChanged.add(fire) : context.workbook.onSelectionChanged.add(fire);
      await context.sync();
      return () => this.removeHandlers([handler]);
    });
  }

  async onSheetChanged(listener: (change: SheetChange) => void): Promise<Unsubscribe> {
    return this.host.run("readFailed", async (context) => {
      const worksheets = context.workbook.worksheets;
      worksheets.load("items/id,items/name");
      await context.sync();
      for (const sheet of worksheets.items) this.sheetNames.set(sheet.id, sheet.name);
      const onChanged = async (args: Excel.WorksheetChangedEventArgs) =>
        listener({ sheetName: await this.sheetNameOf(args.worksheetId), kind: changeKind(args.changeType), address: args.address, source: changeSource(args.source) });
      const onSorted = async (args: Excel.WorksheetRowSortedEventArgs) =>
        listener({ sheetName: await this.sheetNameOf(args.worksheetId), kind: "sorted", address: args.address, source: changeSource(args.source) });
      // Switching sheets changes what "the active sheet" holds, so activation counts as a change.
      const onActivated = async (args: Excel.WorksheetActivatedEventArgs) =>
        listener({ sheetName: await this.sheetNameOf(args.worksheetId), kind: "activated", source: "local" });
      const handlers: OfficeExtension.EventHandlerResult<unknown>[] = [worksheets.onActivated.add(onActivated)];
      if (this.host.supports("1.9")) handlers.push(worksheets.onChanged.add(onChanged));
      else for (const sheet of worksheets.items) handlers.push(sheet.onChanged.add(onChanged));
      // A sort moves cases between rows; it is reported by its own event (1.10).
      if (this.host.supports("1.10")) handlers.push(worksheets.onRowSorted.add(onSorted));
      await context.sync();
      return () => this.removeHandlers(handlers);
    });
  }

  /** Removes handlers in the request context they were added in, inside `Excel.run` (Microsoft's documented pattern). */
  private async removeHandlers(handlers: OfficeExtension.EventHandlerResult<unknown>[]): Promise<void> {
    if (handlers.length === 0) return;
    await this.host.excel.run(handlers[0].context, async (context) => {
      for (const handler of handlers) handler.remove();
      await context.sync();
    });
  }

  private async sheetNameOf(worksheetId: string | undefined): Promise<string | undefined> {
    if (!worksheetId) return undefined;
    const known = this.sheetNames.get(worksheetId);
    if (known) return known;
    try {
      // A sheet added (or renamed) since the pane subscribed: `getItem` takes an id as well as a name.
      return await this.host.excel.run(async (context) => {
        const sheet = context.workbook.worksheets.getItem(worksheetId);
        sheet.load("name");
        await context.sync();
        this.sheetNames.set(worksheetId, sheet.name);
        return sheet.name;
      });
    } catch {
      return undefined;
    }
  }
}
