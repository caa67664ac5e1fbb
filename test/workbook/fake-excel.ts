/**
 * A small simulated Excel for testing the Office.js adapter. Every proxy object the adapter touches
 * (ranges, worksheets, protection, the workbook) is an office-addin-mock `OfficeMockObject`, so
 * reading a property that was not loaded, or loaded but not synced, yields the mock's error text
 * instead of data. On top of that, `context.sync()` plays the batch against a cell store the way
 * Excel does: queued property writes apply in order (so "@" then values keeps "=…" as text, values
 * then "@" does not), responses over 5 MB are refused, protected sheets refuse writes.
 */
import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock needs only the OfficeApp names from office-addin-manifest, whose own dependency
// tree ships ES modules that Jest's CommonJS runtime cannot load; give it just those names.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));
import type { OfficeApp } from "office-addin-manifest";
import { parseRange, rangeAddress } from "../../src/workbook/a1-address";
import type { ExcelHost, OfficeHost } from "../../src/workbook/office-adapter";

export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

export interface FakeCell {
  value: string | number | boolean;
  formula: string;
  format: string;
  /** What Excel displays when it differs from the value (a date, "####" in a narrow column). */
  text?: string;
}

interface FakeSheet {
  name: string;
  cells: Map<string, FakeCell>;
  hiddenRows: Set<number>;
  merged: string[];
  protected: boolean;
}

interface Rect {
  sheet: FakeSheet;
  top: number;
  left: number;
  bottom: number;
  right: number;
}

type Op =
  | { kind: "set"; rect: Rect; prop: "values" | "numberFormat" | "formulas"; value: unknown[][] }
  | { kind: "select"; rect: Rect }
  | { kind: "activate"; sheet: FakeSheet };

interface Tracked {
  target: OfficeMockObject;
  loads: string[];
  fresh: () => Record<string, unknown>;
}

interface HandlerEntry {
  event: string;
  handler: (args: unknown) => Promise<unknown>;
}

const WRITABLE = new Set(["values", "numberFormat", "formulas"]);
const key = (row: number, column: number) => `${row},${column}`;

export class FakeExcel {
  readonly sheets = new Map<string, FakeSheet>();
  activeSheet: string;
  selection: { sheet: string; top: number; left: number; bottom: number; right: number };
  readOnly = false;
  /** ExcelApi versions the fake host claims to support. */
  apiVersion = "1.13";
  /** Per context.sync: response bytes of the loaded cell data and the property writes, in order. */
  readonly syncLog: { responseBytes: number; refused?: boolean; ops: { address: string; prop: string; value: unknown }[] }[] = [];
  /** Called before each sync is played; lets a test act as a co-author between two batches. */
  beforeSync: ((syncIndex: number) => void) | undefined;
  /** Makes a write batch fail after applying this many property writes (Excel batches are not transactions). */
  failAfterWrites: number | undefined;
  readonly handlers: HandlerEntry[] = [];
  readonly settings = new Map<string, unknown>();
  savedSettings = 0;

  constructor(sheetName = "Sheet1") {
    this.activeSheet = sheetName;
    this.addSheet(sheetName);
    this.selection = { sheet: sheetName, top: 1, left: 1, bottom: 1, right: 1 };
  }

  addSheet(name: string): FakeSheet {
    const sheet: FakeSheet = { name, cells: new Map(), hiddenRows: new Set(), merged: [], protected: false };
    this.sheets.set(name, sheet);
    return sheet;
  }

  sheet(name = this.activeSheet): FakeSheet {
    const sheet = this.sheets.get(name);
    if (!sheet) throw Object.assign(new Error(`No sheet ${name}`), { code: "ItemNotFound" });
    return sheet;
  }

  /** Fills cells from rows of values, starting at (firstRow, firstColumn). */
  fill(rows: (string | number)[][], firstRow = 1, firstColumn = 1, sheetName = this.activeSheet): void {
    const sheet = this.sheet(sheetName);
    rows.forEach((line, r) =>
      line.forEach((value, c) => {
        if (value === "") return;
        sheet.cells.set(key(firstRow + r, firstColumn + c), { value, formula: "", format: "General" });
      }),
    );
  }

  cell(row: number, column: number, sheetName = this.activeSheet): FakeCell {
    return this.sheet(sheetName).cells.get(key(row, column)) ?? { value: "", formula: "", format: "General" };
  }

  setCell(row: number, column: number, cell: Partial<FakeCell>, sheetName = this.activeSheet): void {
    this.sheet(sheetName).cells.set(key(row, column), { ...this.cell(row, column, sheetName), ...cell });
  }

  get excel(): ExcelHost {
    return { run: async (batch) => batch(new FakeContext(this) as unknown as Excel.RequestContext) };
  }

  get office(): OfficeHost {
    const settings = this.settings;
    return {
      context: {
        requirements: {
          isSetSupported: (name: string, minVersion?: string) =>
            name === "ExcelApi" && compareVersions(minVersion ?? "1.1", this.apiVersion) <= 0,
        },
        document: {
          settings: {
            get: (name: string) => settings.get(name),
            set: (name: string, value: unknown) => void settings.set(name, value),
            saveAsync: ((callback?: (result: Office.AsyncResult<void>) => void) => {
              this.savedSettings++;
              callback?.({ status: "succeeded" } as unknown as Office.AsyncResult<void>);
            }) as Office.Settings["saveAsync"],
          },
        },
      },
    };
  }

  async fire(event: string, args: unknown = {}): Promise<void> {
    for (const entry of this.handlers.filter((h) => h.event === event)) await entry.handler(args);
  }

  usedRect(sheet: FakeSheet): Rect | undefined {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (const [k, cell] of sheet.cells) {
      if (cell.value === "" && cell.formula === "") continue;
      const [row, column] = k.split(",").map(Number);
      top = Math.min(top, row);
      left = Math.min(left, column);
      bottom = Math.max(bottom, row);
      right = Math.max(right, column);
    }
    return bottom === 0 ? undefined : { sheet, top, left, bottom, right };
  }

  /** Excel's display text of a cell (numbers as General shows them). */
  text(cell: FakeCell): string {
    return cell.text ?? String(cell.value);
  }
}

function compareVersions(a: string, b: string): number {
  const [a1, a2] = a.split(".").map(Number);
  const [b1, b2] = b.split(".").map(Number);
  return a1 - b1 || a2 - b2;
}

class FakeContext {
  private tracked: Tracked[] = [];
  private ops: Op[] = [];
  readonly workbook: unknown;

  constructor(private readonly fake: FakeExcel) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the worksheets.items getter needs the context
    const self = this;
    const workbook = this.track(() => ({ readOnly: fake.readOnly }), {
      getSelectedRange: () => {
        const s = fake.selection;
        return this.range({ sheet: fake.sheet(s.sheet), top: s.top, left: s.left, bottom: s.bottom, right: s.right });
      },
    });
    Object.assign(workbook, {
      worksheets: {
        getActiveWorksheet: () => this.worksheet(() => fake.sheet()),
        getItem: (name: string) => this.worksheet(() => fake.sheet(name)),
        onActivated: this.event("worksheetActivated"),
        onChanged: this.event("worksheetsChanged"),
        load: () => undefined,
        get items() {
          return [...fake.sheets.keys()].map((name) => ({ name, onChanged: self.event(`changed:${name}`) }));
        },
      },
      onSelectionChanged: this.event("selectionChanged"),
    });
    this.workbook = workbook;
  }

  async sync(): Promise<void> {
    const fake = this.fake;
    fake.beforeSync?.(fake.syncLog.length);
    const log: FakeExcel["syncLog"][number] = { responseBytes: 0, ops: [] };
    fake.syncLog.push(log);
    const ops = this.ops;
    this.ops = [];

    // Writes first, in the order they were queued, as Excel plays a batch.
    let applied = 0;
    for (const op of ops) {
      if (op.kind === "activate") fake.activeSheet = op.sheet.name;
      else if (op.kind === "select") {
        fake.activeSheet = op.rect.sheet.name;
        fake.selection = { sheet: op.rect.sheet.name, top: op.rect.top, left: op.rect.left, bottom: op.rect.bottom, right: op.rect.right };
      } else {
        if (fake.readOnly || op.rect.sheet.protected) {
          throw Object.assign(new Error("The cell or chart you're trying to change is on a protected sheet."), { code: "AccessDenied" });
        }
        if (fake.failAfterWrites !== undefined && applied >= fake.failAfterWrites) {
          fake.failAfterWrites = undefined;
          throw Object.assign(new Error("Simulated failure mid-batch"), { code: "GeneralException" });
        }
        applySet(op.rect, op.prop, op.value);
        log.ops.push({ address: rangeAddress(op.rect), prop: op.prop, value: op.value });
        applied++;
      }
    }

    // Then the loads: fresh values, through the mock's own load/sync so unloaded reads stay errors.
    const pending = this.tracked.filter((t) => t.loads.length > 0);
    let bytes = 0;
    const fresh = pending.map((t) => t.fresh());
    pending.forEach((t, i) => {
      for (const prop of t.loads) if (prop === "values" || prop === "text") bytes += Buffer.byteLength(JSON.stringify(fresh[i][prop]));
    });
    log.responseBytes = bytes;
    if (bytes > WEB_PAYLOAD_LIMIT) {
      log.refused = true;
      for (const t of pending) t.loads = [];
      throw Object.assign(new Error("The response payload size has exceeded the limit."), { code: "ResponsePayloadSizeLimitExceeded" });
    }
    pending.forEach((t, i) => {
      const setValue = t.target["setValue"] as (name: string, value: unknown) => void;
      for (const prop of t.loads) {
        setValue.call(t.target, prop, fresh[i][prop]);
        t.target.load(prop);
      }
      t.loads = [];
    });
    for (const t of pending) await t.target.sync();
    // office-addin-mock finishes its property updates in later microtasks.
    await new Promise((resolve) => setImmediate(resolve));
  }

  event(name: string) {
    return {
      add: (handler: HandlerEntry["handler"]) => {
        this.fake.handlers.push({ event: name, handler });
        const fake = this.fake;
        return {
          context: { sync: async () => undefined },
          remove: () => {
            const index = fake.handlers.findIndex((h) => h.handler === handler && h.event === name);
            if (index >= 0) fake.handlers.splice(index, 1);
          },
        };
      },
    };
  }

  /** An OfficeMockObject whose scalar properties are fetched from the store at sync time. */
  private track(fresh: () => Record<string, unknown>, methods: Record<string, (...args: never[]) => unknown>, onSet?: (prop: string, value: unknown) => void): OfficeMockObject {
    const target = new OfficeMockObject(undefined, "excel" as OfficeApp);
    const setValue = target["setValue"] as (name: string, value: unknown) => void;
    for (const [prop, value] of Object.entries(fresh())) setValue.call(target, prop, value);
    for (const [name, method] of Object.entries(methods)) setValue.call(target, name, method);
    const entry: Tracked = { target, loads: [], fresh };
    this.tracked.push(entry);
    return new Proxy(target, {
      get(obj, prop, receiver) {
        if (prop === "load") {
          return (props: string) => {
            obj.load(props); // validates that each property exists, as Office.js would
            entry.loads.push(...props.split(",").map((p) => p.trim()));
            return receiver;
          };
        }
        const value = Reflect.get(obj, prop, obj);
        return typeof value === "function" ? value.bind(obj) : value;
      },
      set(obj, prop, value) {
        if (typeof prop === "string" && WRITABLE.has(prop) && onSet) onSet(prop, value);
        return Reflect.set(obj, prop, value);
      },
    });
  }

  private worksheet(resolve: () => FakeSheet): OfficeMockObject {
    const sheet = resolve();
    const protection = this.track(() => ({ protected: sheet.protected }), {});
    const ws = this.track(() => ({ name: sheet.name }), {
      getUsedRangeOrNullObject: () => {
        const rect = this.fake.usedRect(sheet);
        return rect
          ? this.range(rect)
          : this.track(() => ({ isNullObject: true, rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 }), {});
      },
      getRangeByIndexes: (startRow: number, startColumn: number, rowCount: number, columnCount: number) =>
        this.range({ sheet, top: startRow + 1, left: startColumn + 1, bottom: startRow + rowCount, right: startColumn + columnCount }),
      getRange: (address: string) => {
        const ref = parseRange(address);
        return this.range({ sheet, top: ref.top, left: ref.left, bottom: ref.bottom, right: ref.right });
      },
      activate: () => void this.ops.push({ kind: "activate", sheet }),
    });
    ws.protection = protection;
    return ws;
  }

  private range(rect: Rect): OfficeMockObject {
    const fake = this.fake;
    const grid = <T>(read: (cell: FakeCell, row: number) => T): T[][] => {
      const rows: T[][] = [];
      for (let r = rect.top; r <= rect.bottom; r++) {
        const line: T[] = [];
        for (let c = rect.left; c <= rect.right; c++) line.push(read(fake.cell(r, c, rect.sheet.name), r));
        rows.push(line);
      }
      return rows;
    };
    const range = this.track(
      () => {
        const hidden = grid((_, row) => rect.sheet.hiddenRows.has(row)).map((line) => line[0]);
        return {
          isNullObject: false,
          address: `${rect.sheet.name}!${rangeAddress(rect)}`,
          rowIndex: rect.top - 1,
          columnIndex: rect.left - 1,
          rowCount: rect.bottom - rect.top + 1,
          columnCount: rect.right - rect.left + 1,
          values: grid((cell) => cell.value),
          text: grid((cell) => fake.text(cell)),
          formulas: grid((cell) => cell.formula || cell.value),
          numberFormat: grid((cell) => cell.format),
          rowHidden: hidden.every(Boolean) ? true : hidden.some(Boolean) ? null : false,
        };
      },
      {
        getRow: (index: number) => this.range({ ...rect, top: rect.top + index, bottom: rect.top + index }),
        select: () => void this.ops.push({ kind: "select", rect }),
        getMergedAreasOrNullObject: () => {
          const areas = rect.sheet.merged;
          return this.track(
            () => ({ isNullObject: areas.length === 0, address: areas.map((a) => `${rect.sheet.name}!${a}`).join(", ") }),
            {},
          );
        },
      },
      (prop, value) => this.ops.push({ kind: "set", rect, prop: prop as "values", value: value as unknown[][] }),
    );
    range.worksheet = this.track(() => ({ name: rect.sheet.name }), {});
    return range;
  }
}

/** Excel's rules for a property write, cell by cell. */
function applySet(rect: Rect, prop: "values" | "numberFormat" | "formulas", value: unknown[][]): void {
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) {
      const incoming = value[r - rect.top]?.[c - rect.left] ?? value[0][0];
      const k = key(r, c);
      const cell = rect.sheet.cells.get(k) ?? { value: "", formula: "", format: "General" };
      delete cell.text;
      if (prop === "numberFormat") cell.format = String(incoming);
      else if (cell.format === "@" && prop === "values") {
        cell.value = String(incoming);
        cell.formula = "";
      } else if (typeof incoming === "string" && incoming.startsWith("=")) {
        cell.formula = incoming;
        cell.value = 0; // computed by Excel; the tests only care that it became a formula
      } else if (typeof incoming === "string" && incoming !== "" && !Number.isNaN(Number(incoming))) {
        cell.value = Number(incoming);
        cell.formula = "";
      } else {
        cell.value = incoming as string;
        cell.formula = "";
      }
      rect.sheet.cells.set(k, cell);
    }
  }
}
