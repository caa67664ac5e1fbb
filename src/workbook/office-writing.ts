/**
 * Writing through Office.js: checked writes (the cells read and judged in the same `Excel.run`, text kept
 * text, every batch rolled back if one fails) and the FAQ sheet (written whole into a new sheet first).
 */
import { blocksOf, rangeAddress, type Rect } from "./a1-address";
import { toWorkbookError, type OfficeConnection } from "./office-host";
import { estimateBytes, estimateChunkBytes, type OfficeReader } from "./office-reading";
import {
  WorkbookError,
  a1,
  cellKey,
  type CellAddress,
  type CellState,
  type CellWrite,
  type CheckedWritePlan,
  type CheckedWriteResult,
  type SheetWriteOptions,
  type SheetWriteResult,
  type WorkbookStatus,
} from "./port";

/** Cuts blocks into row slices no heavier than `maxBytes` (one long answer per row can make a block huge). */
function splitBlocks<T extends CellWrite>(blocks: { rect: Rect; cells: T[][] }[], maxBytes: number): { rect: Rect; cells: T[][] }[] {
  const out: { rect: Rect; cells: T[][] }[] = [];
  for (const block of blocks) {
    let start = 0;
    let bytes = 0;
    block.cells.forEach((line, i) => {
      const lineBytes = estimateChunkBytes([line.map((cell) => cell.value)]);
      if (i > start && bytes + lineBytes > maxBytes) {
        out.push({ rect: { ...block.rect, top: block.rect.top + start, bottom: block.rect.top + i - 1 }, cells: block.cells.slice(start, i) });
        start = i;
        bytes = 0;
      }
      bytes += lineBytes;
    });
    out.push({ rect: { ...block.rect, top: block.rect.top + start }, cells: block.cells.slice(start) });
  }
  return out;
}

/** Rows of a grid in runs whose estimated request stays under `maxBytes` (values plus their "@" formats). */
function rowBatches(grid: string[][], maxBytes: number): { start: number; rows: string[][] }[] {
  const batches: { start: number; rows: string[][] }[] = [];
  let start = 0;
  let bytes = 0;
  grid.forEach((line, i) => {
    const lineBytes = estimateChunkBytes([line]) + line.length * 6;
    if (i > start && bytes + lineBytes > maxBytes) {
      batches.push({ start, rows: grid.slice(start, i) });
      start = i;
      bytes = 0;
    }
    bytes += lineBytes;
  });
  if (grid.length > start) batches.push({ start, rows: grid.slice(start) });
  return batches;
}

/** A name no sheet has, for the new sheet while it is written (≤ 31 characters, no reserved characters). */
function draftSheetName(name: string): string {
  return `${name.slice(0, 18)}~${Math.random().toString(36).slice(2, 10)}`;
}

export class OfficeWriter {
  constructor(
    private readonly host: OfficeConnection,
    private readonly reader: OfficeReader,
  ) {}

  async writeChecked<T>(sheetName: string, plan: CheckedWritePlan<T>): Promise<CheckedWriteResult<T>> {
    return this.host.run("writeFailed", async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      const knowsReadOnly = this.host.supports("1.8");
      if (knowsReadOnly) context.workbook.load("readOnly");
      sheet.protection.load("protected,options");
      const states = await this.reader.readStates(context, sheet, plan.read, (done, total) => plan.onProgress?.({ phase: "checking", done, total }));
      if (plan.read.length === 0) await context.sync(); // the status loads ride on the first check read otherwise
      const decision = plan.decide(plan.read.map((cell) => states.get(cellKey(cell.row, cell.column)) as CellState));
      if ("refuse" in decision) return { written: false, result: decision.refuse };
      const texts = decision.texts ?? [];
      const restores = decision.restores ?? [];
      const targets: CellAddress[] = [...texts, ...restores];
      const before = targets.map((cell) => {
        const state = states.get(cellKey(cell.row, cell.column));
        if (!state) throw new Error(`Cell ${a1(cell)} is written without having been read first.`);
        return state;
      });
      if (targets.length === 0) return { written: true, result: decision.result, before };
      if (knowsReadOnly && context.workbook.readOnly) throw new WorkbookError("readOnly", "The workbook is read-only.");
      // eslint-disable-next-line office-addins/load-object-before-read -- protection/protected is loaded below, before it is read
      const protection = sheet.protection;
      const canFormat = !protection.protected || protection.options?.allowFormatCells === true;
      if (protection.protected) await this.refuseLocked(context, sheet, targets);
      if (!canFormat && restores.some((state) => state.numberFormat !== states.get(cellKey(state.row, state.column))?.numberFormat)) {
        throw new WorkbookError("protected", `Sheet ${sheetName} is protected: number formats cannot be changed.`);
      }
      await this.writeInBatches(context, sheet, texts, restores, states, canFormat, (done, total) => plan.onProgress?.({ phase: "writing", done, total }));
      return { written: true, result: decision.result, before };
    });
  }

  async getStatus(sheetName: string): Promise<WorkbookStatus> {
    return this.host.run("readFailed", async (context) => {
      const sheet = context.workbook.worksheets.getItem(sheetName);
      sheet.protection.load("protected");
      const knowsReadOnly = this.host.supports("1.8");
      if (knowsReadOnly) context.workbook.load("readOnly");
      await context.sync();
      // eslint-disable-next-line office-addins/load-object-before-read -- protection/protected is loaded above with the sheet
      return { sheetProtected: sheet.protection.protected, readOnly: knowsReadOnly ? context.workbook.readOnly : false };
    });
  }

  async writeFaqSheet(name: string, values: string[][], options: SheetWriteOptions = {}): Promise<SheetWriteResult> {
    return this.host.run("writeFailed", async (context) => {
      const worksheets = context.workbook.worksheets;
      const existing = worksheets.getItemOrNullObject(name);
      // eslint-disable-next-line office-addins/no-navigational-load -- isNullObject is how a *OrNullObject result is tested
      existing.load("isNullObject,id,position");
      const knowsReadOnly = this.host.supports("1.8");
      if (knowsReadOnly) context.workbook.load("readOnly");
      await context.sync();
      if (!existing.isNullObject && existing.id !== options.replaceId) return { written: false, existingId: existing.id };
      if (knowsReadOnly && context.workbook.readOnly) throw new WorkbookError("readOnly", "The workbook is read-only.");
      const width = Math.max(1, values.reduce((max, line) => Math.max(max, line.length), 0));
      const grid = values.map((line) => Array.from({ length: width }, (_, c) => line[c] ?? ""));
      const batches = rowBatches(grid, this.host.chunk.maxRequestBytes);
      // The values go into a new sheet first: until it is complete, the old sheet (if any) is untouched.
      const draft = worksheets.add(draftSheetName(name));
      draft.load("id");
      await context.sync();
      try {
        options.onProgress?.({ phase: "writing", done: 0, total: batches.length });
        for (let i = 0; i < batches.length; i++) {
          const { start, rows } = batches[i];
          const range = draft.getRangeByIndexes(start, 0, rows.length, width);
          // "@" before the values, in the same batch: Excel then stores "=…", "+81…" and "0120" as text.
          range.numberFormat = rows.map((line) => line.map(() => "@"));
          range.values = rows;
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per chunk on purpose: each chunk stays under Excel on the web's 5 MB payload limit
          await context.sync();
          options.onProgress?.({ phase: "writing", done: i + 1, total: batches.length });
        }
        if (!existing.isNullObject) {
          existing.delete();
          await context.sync();
        }
      } catch (error) {
        try {
          draft.delete();
          await context.sync();
        } catch {
          // The original error is the one worth reporting.
        }
        throw error;
      }
      draft.name = name;
      if (!existing.isNullObject) draft.position = existing.position;
      await context.sync();
      return { written: true, sheetName: name, sheetId: draft.id, rows: values.length, replaced: !existing.isNullObject };
    });
  }

  /** On a protected sheet only unlocked cells can be written (a common template: input columns unlocked). */
  private async refuseLocked(context: Excel.RequestContext, sheet: Excel.Worksheet, targets: CellAddress[]): Promise<void> {
    const blocks = blocksOf(targets);
    const ranges = blocks.map(({ rect }) => {
      const range = sheet.getRangeByIndexes(rect.top - 1, rect.left - 1, rect.bottom - rect.top + 1, rect.right - rect.left + 1);
      range.format.protection.load("locked");
      return range;
    });
    await context.sync();
    // `locked` is null when the block mixes locked and unlocked cells: that is a refusal too.
    const locked = blocks.filter((_, i) => ranges[i].format.protection.locked !== false);
    if (locked.length > 0) {
      throw new WorkbookError("protected", "The target cells are locked on a protected sheet.", { cells: locked.map(({ rect }) => rangeAddress(rect)) });
    }
  }

  /**
   * The write itself: one batch when it fits in a request (the usual case, even for a thousand
   * short values), otherwise consecutive batches. If any batch fails, every cell written so far is
   * put back as it was read (a batch is not a transaction), then the failure is reported.
   */
  private async writeInBatches(
    context: Excel.RequestContext,
    sheet: Excel.Worksheet,
    texts: CellWrite[],
    restores: CellState[],
    states: Map<string, CellState>,
    canFormat: boolean,
    onProgress: (done: number, total: number) => void,
  ): Promise<void> {
    const typedValues = this.host.supports("1.16");
    const groups: { bytes: number; queue: () => void; cells: CellAddress[] }[] = [];
    for (const block of splitBlocks(blocksOf(texts), this.host.chunk.maxRequestBytes)) {
      const values = block.cells.map((line) => line.map((cell) => cell.value));
      groups.push({
        bytes: estimateChunkBytes(values) + 200,
        cells: block.cells.flat(),
        queue: () => {
          const range = sheet.getRangeByIndexes(block.rect.top - 1, block.rect.left - 1, block.cells.length, block.cells[0].length);
          if (canFormat) {
            // Order matters inside the batch: with "@" in place first, Excel stores "=SUM(…)" as text.
            range.numberFormat = values.map((line) => line.map(() => "@"));
            range.values = values;
          } else {
            // Formatting is not allowed on this protected sheet: a leading apostrophe keeps the value text.
            range.values = values.map((line) => line.map((value) => (value === "" ? "" : `'${value}`)));
          }
        },
      });
    }
    for (const state of restores) {
      groups.push({
        bytes: estimateBytes(state.raw) + estimateBytes(state.formula) + 300,
        cells: [state],
        queue: () => restoreCell(sheet, state, states.get(cellKey(state.row, state.column)), typedValues),
      });
    }
    const batches: (typeof groups)[] = [[]];
    let bytes = 0;
    for (const group of groups) {
      if (bytes + group.bytes > this.host.chunk.maxRequestBytes && batches[batches.length - 1].length > 0) {
        batches.push([]);
        bytes = 0;
      }
      batches[batches.length - 1].push(group);
      bytes += group.bytes;
    }
    const written: CellAddress[] = [];
    onProgress(0, batches.length);
    for (let i = 0; i < batches.length; i++) {
      for (const group of batches[i]) group.queue();
      try {
        // eslint-disable-next-line office-addins/no-context-sync-in-loop -- one sync per batch on purpose: each batch stays under the payload limit, and a failed batch is rolled back
        await context.sync();
      } catch (error) {
        written.push(...batches[i].flatMap((group) => group.cells));
        try {
          for (const cell of written) restoreCell(sheet, states.get(cellKey(cell.row, cell.column)) as CellState, undefined, typedValues);
          // eslint-disable-next-line office-addins/no-context-sync-in-loop -- the rollback of the batches already written, inside the failure path
          await context.sync();
        } catch {
          // The original error is the one worth reporting.
        }
        throw toWorkbookError(error, "writeFailed");
      }
      written.push(...batches[i].flatMap((group) => group.cells));
      onProgress(i + 1, batches.length);
    }
  }
}

/**
 * Puts one cell back exactly. The format goes first, then the formula, or the raw value: a number or
 * a date serial as a number; a string as a string — typed (1.16), in a text-formatted cell, or behind
 * a leading apostrophe, so that text such as "=…" or "0120" never comes back as a formula or a number.
 */
function restoreCell(sheet: Excel.Worksheet, state: CellState, current: CellState | undefined, typedValues: boolean): void {
  const range = sheet.getRangeByIndexes(state.row - 1, state.column - 1, 1, 1);
  if (!current || current.numberFormat !== state.numberFormat) range.numberFormat = [[state.numberFormat]];
  if (state.formula) range.formulas = [[state.formula]];
  else if (typeof state.raw !== "string" || state.raw === "" || state.numberFormat === "@") range.values = [[state.raw]];
  else if (typedValues) range.valuesAsJson = [[{ type: "String", basicValue: state.raw } as Excel.StringCellValue]];
  else range.values = [[`'${state.raw}`]];
}

