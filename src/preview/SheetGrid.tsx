/**
 * The in-memory workbook drawn as a spreadsheet: column letters, row numbers, truncated cells, the
 * selection outlined. Clicking selects like Excel (shift-click extends); arrow keys move the selection.
 * Only the rows in view are rendered once the sheet is large.
 */
import { useEffect, useLayoutEffect, useMemo, useRef, useState } from "react";
import type { KeyboardEvent, MouseEvent } from "react";
import { columnLetter } from "../workbook/port";
import type { SelectionInfo } from "../workbook/port";
import type { MemoryWorkbook } from "../workbook/memory-adapter";

const ROW_HEIGHT = 24;
const ROW_HEADER_WIDTH = 44;
const ALWAYS_RENDER_ROWS = 400;
const OVERSCAN_ROWS = 20;
/** Spare empty rows and columns below and to the right, as a spreadsheet shows. */
const SPARE_ROWS = 5;
const SPARE_COLUMNS = 1;

export interface GridLabels {
  gridLabel: string;
  corner: string;
  /** The sheet tabs' label (shown when the workbook has more than one sheet). */
  sheetsLabel?: string;
}

/** A width that fits the header and most of a column's first lines, within sensible bounds. */
function columnWidth(header: string, samples: string[]): number {
  const lengths = samples.map((text) => text.split("\n")[0].length).filter((n) => n > 0).sort((a, b) => a - b);
  const typical = lengths.length ? lengths[Math.floor(lengths.length * 0.75)] : 0;
  const chars = Math.max(Math.min(header.length, 14), Math.min(typical, 16));
  return chars === 0 ? 40 : Math.max(56, Math.min(220, chars * 14 + 14));
}

function useWorkbookVersion(workbook: MemoryWorkbook): number {
  const [version, setVersion] = useState(0);
  useEffect(() => workbook.subscribe(() => setVersion((v) => v + 1)), [workbook]);
  return version;
}

export function SheetGrid({ workbook, labels }: { workbook: MemoryWorkbook; labels: GridLabels }) {
  useWorkbookVersion(workbook);
  const sheetName = workbook.activeSheetName;
  const size = workbook.size(sheetName);
  const rowCount = size.rows + SPARE_ROWS;
  const columnCount = size.columns + SPARE_COLUMNS;
  const [selection, setSelection] = useState<SelectionInfo | null>(null);
  const anchor = useRef<{ row: number; column: number } | null>(null);
  const scroller = useRef<HTMLDivElement>(null);
  const [viewport, setViewport] = useState({ top: 0, height: 800 });

  useEffect(() => {
    let off: (() => unknown) | undefined;
    void workbook.getSelection().then(setSelection);
    void workbook.onSelectionChanged(() => void workbook.getSelection().then(setSelection)).then((unsubscribe) => (off = unsubscribe));
    return () => void off?.();
  }, [workbook]);

  // Keep the selected cell in view when the pane moves the selection (次の未入力行へ, row links).
  useLayoutEffect(() => {
    if (!selection || !scroller.current) return;
    const element = scroller.current.querySelector<HTMLElement>(`[data-cell="${columnLetter(selection.column)}${selection.row}"]`);
    if (element) element.scrollIntoView({ block: "nearest", inline: "nearest" });
    else scroller.current.scrollTop = Math.max(0, (selection.row - 3) * ROW_HEIGHT);
  }, [selection]);

  const virtual = rowCount > ALWAYS_RENDER_ROWS;
  const firstVisible = virtual ? Math.max(1, Math.floor(viewport.top / ROW_HEIGHT) - OVERSCAN_ROWS) : 1;
  const lastVisible = virtual
    ? Math.min(rowCount, Math.ceil((viewport.top + viewport.height) / ROW_HEIGHT) + OVERSCAN_ROWS)
    : rowCount;

  const headers = Array.from({ length: columnCount }, (_, i) => workbook.getCell(sheetName, 1, i + 1));
  const sampleRows = Math.min(size.rows, 60);
  // Measured once per sheet shape, so columns do not jump while the pane writes into them.
  const widths = useMemo(
    () =>
      Array.from({ length: columnCount }, (_, i) =>
        columnWidth(
          workbook.getCell(sheetName, 1, i + 1),
          Array.from({ length: Math.max(0, sampleRows - 1) }, (_, r) => workbook.getCell(sheetName, r + 2, i + 1)),
        ),
      ),
    [workbook, sheetName, columnCount, sampleRows],
  );

  const selectAt = (row: number, column: number, extend: boolean) => {
    const start = extend && anchor.current ? anchor.current : { row, column };
    if (!extend) anchor.current = { row, column };
    const top = Math.min(start.row, row);
    const bottom = Math.max(start.row, row);
    const left = Math.min(start.column, column);
    const right = Math.max(start.column, column);
    const topLeft = `${columnLetter(left)}${top}`;
    const address = top === bottom && left === right ? topLeft : `${topLeft}:${columnLetter(right)}${bottom}`;
    workbook.select(address);
  };

  /** Clicking a row number selects the whole row, as Excel does ("5:5"); Shift extends it ("5:7"). */
  const selectRows = (row: number, extend: boolean) => {
    const start = extend && anchor.current ? anchor.current.row : row;
    if (!extend) anchor.current = { row, column: 1 };
    workbook.select(`${Math.min(start, row)}:${Math.max(start, row)}`);
  };

  const onCellMouseDown = (event: MouseEvent<HTMLTableCellElement>, row: number, column: number) => {
    event.preventDefault();
    scroller.current?.focus({ preventScroll: true });
    selectAt(row, column, event.shiftKey);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (!selection) return;
    const moves: Record<string, [number, number]> = {
      ArrowUp: [-1, 0],
      ArrowDown: [1, 0],
      ArrowLeft: [0, -1],
      ArrowRight: [0, 1],
    };
    const move = moves[event.key];
    if (!move || event.ctrlKey || event.altKey) return;
    event.preventDefault();
    const row = Math.max(1, Math.min(rowCount, selection.row + move[0]));
    const column = Math.max(1, Math.min(columnCount, selection.column + move[1]));
    selectAt(row, column, event.shiftKey);
  };

  const inSelection = (row: number, column: number) =>
    selection !== null &&
    selection.sheetName === sheetName &&
    row >= selection.row &&
    row < selection.row + selection.rowCount &&
    column >= selection.column &&
    column < selection.column + selection.columnCount;

  const rows = [];
  for (let row = firstVisible; row <= lastVisible; row++) {
    const cells = [];
    for (let column = 1; column <= columnCount; column++) {
      const address = `${columnLetter(column)}${row}`;
      const text = workbook.getCell(sheetName, row, column);
      const selected = inSelection(row, column);
      const active = selected && selection?.row === row && selection.column === column;
      cells.push(
        <td
          key={column}
          data-cell={address}
          className={`cell${row === 1 ? " header-cell" : ""}${selected ? " selected" : ""}${active ? " active" : ""}`}
          title={text.length > 20 ? text.slice(0, 500) : undefined}
          onMouseDown={(event) => onCellMouseDown(event, row, column)}
          aria-selected={selected}
        >
          {text}
        </td>,
      );
    }
    const rowSelected = selection !== null && row >= selection.row && row < selection.row + selection.rowCount;
    rows.push(
      <tr key={row} style={{ height: ROW_HEIGHT }}>
        <th
          scope="row"
          data-row-header={row}
          className={`row-number${rowSelected ? " selected-header" : ""}`}
          onMouseDown={(e) => {
            e.preventDefault();
            scroller.current?.focus({ preventScroll: true });
            selectRows(row, e.shiftKey);
          }}
        >
          {row}
        </th>
        {cells}
      </tr>,
    );
  }

  const activeAddress = selection ? selection.address : "";
  const activeText = selection ? workbook.getCell(sheetName, selection.row, selection.column) : "";

  return (
    <div className="sheet">
      <div className="formula-bar" aria-live="polite">
        <span className="name-box" data-testid="name-box">
          {activeAddress}
        </span>
        <span className="formula-text">{activeText}</span>
      </div>
      <div
        className="grid-scroller"
        ref={scroller}
        tabIndex={0}
        role="grid"
        aria-label={labels.gridLabel}
        aria-rowcount={rowCount}
        onKeyDown={onKeyDown}
        onScroll={(event) => {
          const el = event.currentTarget;
          if (virtual) setViewport({ top: el.scrollTop, height: el.clientHeight });
        }}
      >
        <table className="grid" style={{ width: ROW_HEADER_WIDTH + widths.reduce((sum, w) => sum + w, 0) }}>
          <colgroup>
            <col style={{ width: ROW_HEADER_WIDTH }} />
            {widths.map((width, i) => (
              <col key={i} style={{ width }} />
            ))}
          </colgroup>
          <thead>
            <tr>
              <th className="corner">{labels.corner}</th>
              {headers.map((_, i) => (
                <th
                  key={i}
                  scope="col"
                  className={`column-letter${selection && i + 1 >= selection.column && i + 1 < selection.column + selection.columnCount ? " selected-header" : ""}`}
                >
                  {columnLetter(i + 1)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {virtual && firstVisible > 1 && (
              <tr style={{ height: (firstVisible - 1) * ROW_HEIGHT }} aria-hidden="true" />
            )}
            {rows}
            {virtual && lastVisible < rowCount && (
              <tr style={{ height: (rowCount - lastVisible) * ROW_HEIGHT }} aria-hidden="true" />
            )}
          </tbody>
        </table>
      </div>
      {workbook.sheetNames.length > 1 && (
        // Excel's sheet tabs: the preview's way to switch sheets (a log kept a sheet per fiscal year).
        <div className="sheet-tabs" role="tablist" aria-label={labels.sheetsLabel ?? "Sheets"}>
          {workbook.sheetNames.map((name) => (
            <button
              key={name}
              type="button"
              role="tab"
              aria-selected={name === sheetName}
              className={name === sheetName ? "sheet-tab active" : "sheet-tab"}
              data-sheet={name}
              onClick={() => workbook.activateSheet(name)}
            >
              {name}
            </button>
          ))}
        </div>
      )}
    </div>
  );
}
