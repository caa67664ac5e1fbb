/**
 * A small simulated Excel for testing the Office.js adapter, behaving as Microsoft documents where
 * faq-assist can tell the difference:
 *
 * - every proxy object the adapter touches (ranges, worksheets, protection, the workbook) is an
 *   office-addin-mock `OfficeMockObject`, so reading a property that was not loaded, or loaded but not
 *   synced, yields the mock's error text instead of data;
 * - `context.sync()` plays the batch against a typed cell store: queued property writes apply in
 *   order (so "@" then values keeps "=…" as text, values then "@" does not), `values` is read as Excel
 *   reads typed input (numbers, dates, "'" prefix), `valuesAsJson` stores typed values as given;
 * - responses and requests over 5 MB are refused (Excel on the web's payload limit);
 * - addresses come in Excel's forms ("Sheet1!5:5" for a whole row, "Sheet1!A:A" for a column);
 * - protected sheets refuse writes to locked cells and format changes unless allowed;
 * - change events carry address, changeType, source (Local/Remote) and worksheetId; co-authors edit,
 *   insert rows and sort between the pane's batches;
 * - an event handler may only be removed inside `Excel.run` with the context it was added in.
 */
import { OfficeMockObject } from "office-addin-mock";

// office-addin-mock needs only the OfficeApp names from office-addin-manifest, whose own dependency
// tree ships ES modules that Jest's CommonJS runtime cannot load; give it just those names.
jest.mock("office-addin-manifest", () => ({
  OfficeApp: { Excel: "excel", OneNote: "onenote", Outlook: "outlook", PowerPoint: "powerpoint", Project: "project", Word: "word" },
}));
import type { OfficeApp } from "office-addin-manifest";
import { EXCEL_MAX_COLUMNS, EXCEL_MAX_ROWS, contains, parseRange, qualifiedAddress, rangeAddress, type Rect } from "../../src/workbook/a1-address";
import { displayText, enterValue } from "../../src/workbook/excel-values";
import type { ExcelHost, OfficeHost } from "../../src/workbook/office-adapter";
import type { CellValue } from "../../src/workbook/port";
import { XmlPartStore, rootNamespace } from "../../src/workbook/xml-parts";

export const WEB_PAYLOAD_LIMIT = 5 * 1024 * 1024;

export interface FakeCell {
  value: CellValue;
  formula: string;
  format: string;
  /** What Excel displays when it differs from what the format gives (e.g. "####" in a narrow column). */
  text?: string;
}

interface FakeSheet {
  id: string;
  name: string;
  cells: Map<string, FakeCell>;
  hiddenRows: Set<number>;
  merged: string[];
  protected: boolean;
  allowFormatCells: boolean;
  unlocked: Rect[];
}

interface FakeRect extends Rect {
  sheet: FakeSheet;
}

type SettableProp = "values" | "numberFormat" | "formulas" | "valuesAsJson";

type Op =
  | { kind: "set"; rect: FakeRect; prop: SettableProp; value: unknown[][] }
  | { kind: "select"; rect: FakeRect }
  | { kind: "activate"; sheet: FakeSheet }
  | { kind: "addSheet"; sheet: FakeSheet }
  | { kind: "deleteSheet"; sheet: FakeSheet }
  | { kind: "renameSheet"; sheet: FakeSheet; name: string }
  | { kind: "positionSheet"; sheet: FakeSheet; position: number }
  | { kind: "xmlSet"; id: string; xml: string }
  | { kind: "xmlDelete"; id: string }
  | { kind: "xmlAdd"; xml: string; added: { id?: string } };

interface Tracked {
  target: OfficeMockObject;
  loads: string[];
  /** The object's properties now, given the ones being loaded (grids are built only when asked for). */
  fresh: (loads: ReadonlySet<string>) => Record<string, unknown>;
}

interface HandlerEntry {
  event: string;
  handler: (args: unknown) => Promise<unknown>;
  context: FakeContext;
}

const WRITABLE = new Set<string>(["values", "numberFormat", "formulas", "valuesAsJson", "name", "position"]);
/** Excel's rules for a worksheet name. */
const BAD_SHEET_NAME = /[\\/?*[\]:]|^'|'$/;
const GRID_PROPS = new Set(["values", "text", "formulas", "numberFormat", "valuesAsJson"]);
/** No response of this many cells can stay under 5 MB; refused before it is built. */
const HOPELESS_CELLS = 2_000_000;
const key = (row: number, column: number) => `${row},${column}`;
const EMPTY: FakeCell = { value: "", formula: "", format: "General" };

function payloadError(kind: "Request" | "Response"): Error {
  return Object.assign(new Error(`The ${kind.toLowerCase()} payload size has exceeded the limit.`), { code: `${kind}PayloadSizeLimitExceeded` });
}

export class FakeExcel {
  sheets = new Map<string, FakeSheet>();
  activeSheet: string;
  /** The selection: one or more areas of a sheet (Ctrl+click makes several). */
  selection: { sheet: string; areas: Rect[] };
  readOnly = false;
  /** ExcelApi versions the fake host claims to support. */
  apiVersion = "1.13";
  /** Per context.sync: response and request bytes, the property writes in order. */
  readonly syncLog: { responseBytes: number; requestBytes: number; refused?: boolean; ops: { address: string; prop: string; value: unknown }[] }[] = [];
  /** Called before each sync is played; lets a test act as a co-author between two batches. */
  beforeSync: ((syncIndex: number) => void) | undefined;
  /** Makes a write batch fail after applying this many property writes (Excel batches are not transactions). */
  failAfterWrites: number | undefined;
  readonly handlers: HandlerEntry[] = [];
  readonly settings = new Map<string, unknown>();
  savedSettings = 0;
  /** Custom XML parts (ExcelApi 1.5): found by their root element's namespace, ids as GUIDs. */
  readonly xmlParts = new XmlPartStore();
  /** Makes the next sync that changes a custom XML part fail after its cell writes (Excel on iPad, office-js #3936). */
  failPartWrites = false;
  private nextSheetId = 1;
  /** Contexts whose `Excel.run` is under way (handlers may only be removed inside their own). */
  readonly running: FakeContext[] = [];

  constructor(sheetName = "Sheet1") {
    this.activeSheet = sheetName;
    this.addSheet(sheetName);
    this.selection = { sheet: sheetName, areas: [{ top: 1, left: 1, bottom: 1, right: 1 }] };
  }

  addSheet(name: string): FakeSheet {
    const sheet = this.newSheet(name);
    this.sheets.set(name, sheet);
    return sheet;
  }

  /** A sheet not yet in the workbook (worksheets.add queues it; the sync adds it). */
  newSheet(name: string): FakeSheet {
    return { id: `{sheet-${this.nextSheetId++}}`, name, cells: new Map(), hiddenRows: new Set(), merged: [], protected: false, allowFormatCells: false, unlocked: [] };
  }

  /** Sheet names in tab order. */
  get sheetOrder(): string[] {
    return [...this.sheets.keys()];
  }

  /** Plays a queued change to the sheet collection, refusing what Excel refuses. */
  changeSheets(op: Extract<Op, { kind: "addSheet" | "deleteSheet" | "renameSheet" | "positionSheet" }>): void {
    const fail = (code: string, message: string) => Object.assign(new Error(message), { code });
    const entries = [...this.sheets.entries()];
    const taken = (name: string) => entries.some(([key, sheet]) => key.toLowerCase() === name.toLowerCase() && sheet !== op.sheet);
    switch (op.kind) {
      case "addSheet":
        if (taken(op.sheet.name)) throw fail("ItemAlreadyExists", "A resource with the same name or identifier already exists.");
        if (op.sheet.name.length > 31 || BAD_SHEET_NAME.test(op.sheet.name)) throw fail("InvalidArgument", "The sheet name is not valid.");
        this.sheets.set(op.sheet.name, op.sheet);
        return;
      case "deleteSheet":
        if (this.readOnly) throw Object.assign(new Error("The workbook is read-only."), { code: "AccessDenied" });
        if (entries.length <= 1) throw fail("InvalidOperation", "A workbook must contain at least one visible worksheet.");
        this.sheets.delete(op.sheet.name);
        if (this.activeSheet === op.sheet.name) this.activeSheet = this.sheetOrder[0];
        return;
      case "renameSheet": {
        if (taken(op.name)) throw fail("ItemAlreadyExists", "A resource with the same name or identifier already exists.");
        if (op.name.length > 31 || BAD_SHEET_NAME.test(op.name)) throw fail("InvalidArgument", "The sheet name is not valid.");
        const from = op.sheet.name;
        this.sheets = new Map(entries.map(([key, sheet]) => (sheet === op.sheet ? [op.name, sheet] : [key, sheet])));
        op.sheet.name = op.name;
        if (this.activeSheet === from) this.activeSheet = op.name;
        if (this.selection.sheet === from) this.selection = { ...this.selection, sheet: op.name };
        return;
      }
      case "positionSheet": {
        const others = entries.filter(([, sheet]) => sheet !== op.sheet);
        const at = Math.max(0, Math.min(others.length, op.position));
        this.sheets = new Map([...others.slice(0, at), [op.sheet.name, op.sheet], ...others.slice(at)]);
        return;
      }
    }
  }

  sheet(name = this.activeSheet): FakeSheet {
    const sheet = this.sheets.get(name) ?? [...this.sheets.values()].find((s) => s.id === name);
    if (!sheet) throw Object.assign(new Error(`No sheet ${name}`), { code: "ItemNotFound" });
    return sheet;
  }

  /** Fills cells from rows of values, starting at (firstRow, firstColumn). */
  fill(rows: CellValue[][], firstRow = 1, firstColumn = 1, sheetName = this.activeSheet): void {
    const sheet = this.sheet(sheetName);
    rows.forEach((line, r) =>
      line.forEach((value, c) => {
        if (value === "") return;
        sheet.cells.set(key(firstRow + r, firstColumn + c), { value, formula: "", format: "General" });
      }),
    );
  }

  cell(row: number, column: number, sheetName = this.activeSheet): FakeCell {
    return this.sheet(sheetName).cells.get(key(row, column)) ?? EMPTY;
  }

  setCell(row: number, column: number, cell: Partial<FakeCell>, sheetName = this.activeSheet): void {
    this.sheet(sheetName).cells.set(key(row, column), { ...this.cell(row, column, sheetName), ...cell });
  }

  select(address: string, sheetName = this.activeSheet): void {
    const areas = address.split(",").map((part) => parseRange(part));
    this.selection = { sheet: sheetName, areas };
  }

  get excel(): ExcelHost {
    const run = async (first: unknown, second?: unknown) => {
      const batch = (typeof first === "function" ? first : second) as (context: Excel.RequestContext) => Promise<unknown>;
      const context = typeof first === "function" ? new FakeContext(this) : (first as FakeContext);
      this.running.push(context);
      try {
        return await batch(context as unknown as Excel.RequestContext);
      } finally {
        this.running.splice(this.running.lastIndexOf(context), 1);
      }
    };
    return { run } as unknown as ExcelHost;
  }

  get office(): OfficeHost {
    const settings = this.settings;
    return {
      context: {
        requirements: {
          isSetSupported: (name: string, minVersion?: string) => name === "ExcelApi" && compareVersions(minVersion ?? "1.1", this.apiVersion) <= 0,
        },
        document: {
          settings: {
            get: (name: string) => settings.get(name),
            set: (name: string, value: unknown) => void settings.set(name, value),
            remove: (name: string) => void settings.delete(name),
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

  /** A cell change event, as Excel raises it on the collection (1.9) and on the sheet (1.7). */
  async fireChanged(sheetName: string, address: string, changeType: string, source: "Local" | "Remote"): Promise<void> {
    const args = { address, changeType, source, worksheetId: this.sheet(sheetName).id, type: "WorksheetChanged" };
    await this.fire("worksheetsChanged", args);
    await this.fire(`changed:${sheetName}`, args);
  }

  /**
   * The user renames a sheet on its tab: the name changes, and Excel raises
   * WorksheetCollection.onNameChanged (ExcelApi 1.17) with the names before and after.
   */
  async renameSheetByUser(from: string, to: string, source: "Local" | "Remote" = "Local"): Promise<void> {
    const sheet = this.sheet(from);
    this.changeSheets({ kind: "renameSheet", sheet, name: to });
    await this.fire("worksheetNameChanged", { nameBefore: from, nameAfter: to, worksheetId: sheet.id, source, type: "WorksheetNameChanged" });
  }

  /** The user adds a sheet (WorksheetCollection.onAdded, ExcelApi 1.7). */
  async addSheetByUser(name: string, rows: CellValue[][] = [], source: "Local" | "Remote" = "Local"): Promise<void> {
    const sheet = this.addSheet(name);
    if (rows.length > 0) this.fill(rows, 1, 1, name);
    await this.fire("worksheetAdded", { worksheetId: sheet.id, source, type: "WorksheetAdded" });
  }

  /** The user deletes a sheet (WorksheetCollection.onDeleted, ExcelApi 1.7). */
  async deleteSheetByUser(name: string, source: "Local" | "Remote" = "Local"): Promise<void> {
    const sheet = this.sheet(name);
    this.changeSheets({ kind: "deleteSheet", sheet });
    await this.fire("worksheetDeleted", { worksheetId: sheet.id, source, type: "WorksheetDeleted" });
  }

  /** A co-author types into a cell (a remote change), and the change event says so. */
  async coauthorEdit(row: number, column: number, input: CellValue, sheetName = this.activeSheet): Promise<void> {
    const current = this.cell(row, column, sheetName);
    const entered = enterValue(input, current.format);
    this.setCell(row, column, { value: entered.raw, formula: entered.formula }, sheetName);
    await this.fireChanged(sheetName, rangeAddress({ top: row, left: column, bottom: row, right: column }), "RangeEdited", "Remote");
  }

  /** Rows inserted before `row` (cells below move down), with the event Excel raises. */
  async insertRows(row: number, count = 1, source: "Local" | "Remote" = "Remote", sheetName = this.activeSheet): Promise<void> {
    const sheet = this.sheet(sheetName);
    const moved = new Map<string, FakeCell>();
    for (const [k, cell] of sheet.cells) {
      const [r, c] = k.split(",").map(Number);
      moved.set(r >= row ? key(r + count, c) : k, cell);
    }
    sheet.cells = moved;
    await this.fireChanged(sheetName, `${row}:${row + count - 1}`, "RowInserted", source);
  }

  usedRect(sheet: FakeSheet, within?: Rect): FakeRect | undefined {
    let top = Infinity;
    let left = Infinity;
    let bottom = 0;
    let right = 0;
    for (const [k, cell] of sheet.cells) {
      if (cell.value === "" && cell.formula === "") continue;
      const [row, column] = k.split(",").map(Number);
      if (within && !contains(within, { top: row, left: column, bottom: row, right: column })) continue;
      top = Math.min(top, row);
      left = Math.min(left, column);
      bottom = Math.max(bottom, row);
      right = Math.max(right, column);
    }
    return bottom === 0 ? undefined : { sheet, top, left, bottom, right };
  }

  /** Excel's display text of a cell. */
  text(cell: FakeCell): string {
    return cell.text ?? displayText(cell.value, cell.format);
  }

  isLocked(sheet: FakeSheet, row: number, column: number): boolean {
    return !sheet.unlocked.some((area) => contains(area, { top: row, left: column, bottom: row, right: column }));
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
  /** Client results and collection loads to fill in at the next sync (read before it: an error, as in Office.js). */
  private results: (() => number)[] = [];
  readonly workbook: unknown;

  constructor(private readonly fake: FakeExcel) {
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the worksheets.items getter needs the context
    const self = this;
    const workbook = this.track(() => ({ readOnly: fake.readOnly }), {
      getSelectedRange: () => {
        const s = fake.selection;
        if (s.areas.length > 1) {
          // Excel cannot make one range of several areas; the request fails at sync.
          return this.failing("InvalidSelection", "The current selection is invalid for this operation.");
        }
        return this.range({ sheet: fake.sheet(s.sheet), ...s.areas[0] });
      },
      getSelectedRanges: () => {
        const s = fake.selection;
        return { areas: { getItemAt: (index: number) => this.range({ sheet: fake.sheet(s.sheet), ...s.areas[index] }) } };
      },
    });
    Object.assign(workbook, {
      worksheets: {
        getActiveWorksheet: () => this.worksheet(() => fake.sheet()),
        getItem: (name: string) => this.worksheet(() => fake.sheet(name)),
        getItemOrNullObject: (name: string) => {
          const found = fake.sheets.get(name) ?? [...fake.sheets.values()].find((s) => s.id === name || s.name.toLowerCase() === name.toLowerCase());
          return found ? this.worksheet(() => found) : this.track(() => ({ isNullObject: true, id: "", name: "", position: 0 }), {});
        },
        add: (name: string) => {
          const sheet = fake.newSheet(name);
          this.ops.push({ kind: "addSheet", sheet });
          return this.worksheet(() => sheet);
        },
        onActivated: this.event("worksheetActivated"),
        onAdded: this.event("worksheetAdded"),
        onDeleted: this.event("worksheetDeleted"),
        onNameChanged: this.event("worksheetNameChanged"),
        onChanged: this.event("worksheetsChanged"),
        onSelectionChanged: this.event("worksheetsSelectionChanged"),
        onRowSorted: this.event("worksheetsRowSorted"),
        load: () => undefined,
        get items() {
          return [...fake.sheets.values()].map((sheet) => ({ id: sheet.id, name: sheet.name, onChanged: self.event(`changed:${sheet.name}`) }));
        },
      },
      onSelectionChanged: this.event("selectionChanged"),
      customXmlParts: {
        add: (xml: string) => {
          const added: { id?: string } = {};
          this.ops.push({ kind: "xmlAdd", xml, added });
          return this.xmlPart(() => added.id);
        },
        getByNamespace: (namespace: string) => this.scopedParts(namespace),
        getItem: (id: string) => this.xmlPart(() => id),
      },
    });
    this.workbook = workbook;
  }

  async sync(): Promise<void> {
    const fake = this.fake;
    fake.beforeSync?.(fake.syncLog.length);
    const log: FakeExcel["syncLog"][number] = { responseBytes: 0, requestBytes: 0, ops: [] };
    fake.syncLog.push(log);
    const ops = this.ops;
    this.ops = [];

    for (const op of ops) {
      if (op.kind === "set") log.requestBytes += Buffer.byteLength(JSON.stringify(op.value)) + 120;
      if (op.kind === "xmlSet" || op.kind === "xmlAdd") log.requestBytes += Buffer.byteLength(JSON.stringify(op.xml)) + 120;
    }
    if (log.requestBytes > WEB_PAYLOAD_LIMIT) {
      log.refused = true;
      for (const t of this.tracked) t.loads = [];
      throw payloadError("Request");
    }

    // Writes first, in the order they were queued, as Excel plays a batch.
    const activeBefore = fake.sheet().id;
    let applied = 0;
    for (const op of ops) {
      if (op.kind === "activate") fake.activeSheet = op.sheet.name;
      else if (op.kind === "addSheet" || op.kind === "deleteSheet" || op.kind === "renameSheet" || op.kind === "positionSheet") {
        fake.changeSheets(op);
        log.ops.push({ address: op.sheet.name, prop: op.kind, value: op.kind === "renameSheet" ? op.name : op.kind === "positionSheet" ? op.position : undefined });
      } else if (op.kind === "xmlSet" || op.kind === "xmlDelete" || op.kind === "xmlAdd") {
        if (fake.readOnly) throw Object.assign(new Error("The workbook is read-only."), { code: "AccessDenied" });
        if (fake.failPartWrites) {
          fake.failPartWrites = false;
          throw Object.assign(new Error("There was an internal error while processing the request."), { code: "GeneralException" });
        }
        const missing = () => Object.assign(new Error("The requested resource doesn't exist."), { code: "ItemNotFound" });
        if (op.kind === "xmlAdd") op.added.id = fake.xmlParts.add(op.xml);
        else if (fake.xmlParts.get(op.id) === undefined) throw missing();
        else if (op.kind === "xmlSet") fake.xmlParts.set(op.id, op.xml);
        else fake.xmlParts.delete(op.id);
        log.ops.push({ address: "customXmlParts", prop: op.kind, value: op.kind === "xmlDelete" ? op.id : op.xml });
      } else if (op.kind === "select") {
        fake.activeSheet = op.rect.sheet.name;
        fake.selection = { sheet: op.rect.sheet.name, areas: [{ top: op.rect.top, left: op.rect.left, bottom: op.rect.bottom, right: op.rect.right }] };
      } else {
        refuseProtected(fake, op);
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
    let fresh: Record<string, unknown>[];
    try {
      fresh = pending.map((t) => t.fresh(new Set(t.loads)));
    } catch (error) {
      for (const t of pending) t.loads = [];
      log.refused = true;
      throw error;
    }
    pending.forEach((t, i) => {
      for (const prop of t.loads) if (GRID_PROPS.has(prop)) bytes += Buffer.byteLength(JSON.stringify(fresh[i][prop]));
    });
    log.responseBytes = bytes;
    if (bytes > WEB_PAYLOAD_LIMIT) {
      log.refused = true;
      for (const t of pending) t.loads = [];
      throw payloadError("Response");
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
    const results = this.results;
    this.results = [];
    for (const resolve of results) log.responseBytes += resolve();
    // Selecting a range on another sheet (or activate()) switches sheets, and Excel says so.
    const activeAfter = fake.sheet().id;
    if (activeAfter !== activeBefore) setTimeout(() => void fake.fire("worksheetActivated", { worksheetId: activeAfter, type: "WorksheetActivated" }), 0);
    // office-addin-mock finishes its property updates in later microtasks.
    await new Promise((resolve) => setImmediate(resolve));
  }

  event(name: string) {
    const fake = this.fake;
    return {
      add: (handler: HandlerEntry["handler"]) => {
        // eslint-disable-next-line @typescript-eslint/no-this-alias -- the handler result carries its context, as Office.js does
        const context = this;
        fake.handlers.push({ event: name, handler, context });
        return {
          context,
          remove: () => {
            // Microsoft: "The same RequestContext object that the handler was added in must be used
            // when removing the handler" — i.e. inside Excel.run(handler.context, …).
            if (fake.running[fake.running.length - 1] !== context) {
              throw Object.assign(new Error("The handler must be removed in the context it was added in."), { code: "InvalidOperation" });
            }
            const index = fake.handlers.findIndex((h) => h.handler === handler && h.event === name);
            if (index >= 0) fake.handlers.splice(index, 1);
          },
        };
      },
    };
  }

  /** A value that exists only after the next sync, as Office.js's ClientResult and loaded collections. */
  private later<T>(compute: () => T): { readonly value: T } {
    let ready = false;
    let value: T;
    this.results.push(() => {
      value = compute();
      ready = true;
      return Buffer.byteLength(JSON.stringify(value));
    });
    return {
      get value(): T {
        if (!ready) throw Object.assign(new Error("The value of the result object has not been loaded yet."), { code: "ValueNotLoaded" });
        return value;
      },
    };
  }

  private xmlPart(id: () => string | undefined) {
    const fake = this.fake;
    const partId = () => {
      const found = id();
      if (found === undefined || fake.xmlParts.get(found) === undefined) throw Object.assign(new Error("The requested resource doesn't exist."), { code: "ItemNotFound" });
      return found;
    };
    return {
      get id() {
        return partId();
      },
      get namespaceUri() {
        return rootNamespace(fake.xmlParts.get(partId()) ?? "");
      },
      getXml: () => {
        const result = this.later(() => fake.xmlParts.get(partId()) ?? "");
        return result;
      },
      setXml: (xml: string) => void this.ops.push({ kind: "xmlSet", id: partId(), xml }),
      delete: () => void this.ops.push({ kind: "xmlDelete", id: partId() }),
    };
  }

  /** `getByNamespace`: an empty namespace is refused (office-js #2580); `items` exist once loaded and synced. */
  private scopedParts(namespace: string) {
    if (namespace === "") throw Object.assign(new Error("The argument is invalid or missing or has an incorrect format."), { code: "InvalidArgument" });
    const fake = this.fake;
    // eslint-disable-next-line @typescript-eslint/no-this-alias -- the items getter needs the context
    const self = this;
    let loaded: { readonly value: string[] } | undefined;
    return {
      load: (props: string) => {
        if (!/^items(\/id)?$/.test(props)) throw new Error(`The fake loads only items/id, not ${props}`);
        loaded = this.later(() => fake.xmlParts.byNamespace(namespace).map((part) => part.id));
      },
      get items() {
        if (!loaded) throw Object.assign(new Error("The property 'items' is not available. Before reading the property's value, call the load method."), { code: "PropertyNotLoaded" });
        return loaded.value.map((id) => self.xmlPart(() => id));
      },
      getItem: (id: string) => this.xmlPart(() => id),
    };
  }

  /** A proxy whose load fails at sync with the given Excel error (e.g. a multi-area selection). */
  private failing(code: string, message: string): OfficeMockObject {
    const failed = this.track(
      () => {
        throw Object.assign(new Error(message), { code });
      },
      {},
      undefined,
      { isNullObject: false, rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0, address: "" },
    );
    failed.worksheet = this.track(() => ({ name: "" }), {});
    return failed;
  }

  /** An OfficeMockObject whose scalar properties are fetched from the store at sync time. */
  private track(
    fresh: (loads: ReadonlySet<string>) => Record<string, unknown>,
    methods: Record<string, (...args: never[]) => unknown>,
    onSet?: (prop: string, value: unknown) => void,
    shape?: Record<string, unknown>,
  ): OfficeMockObject {
    const target = new OfficeMockObject(undefined, "excel" as OfficeApp);
    const setValue = target["setValue"] as (name: string, value: unknown) => void;
    for (const [prop, value] of Object.entries(shape ?? fresh(new Set()))) setValue.call(target, prop, value);
    for (const [name, method] of Object.entries(methods)) setValue.call(target, name, method);
    const entry: Tracked = { target, loads: [], fresh };
    this.tracked.push(entry);
    return new Proxy(target, {
      get(obj, prop, receiver) {
        if (prop === "load") {
          return (props: string) => {
            for (const p of props.split(",").map((s) => s.trim())) {
              if (p.includes("/")) continue; // navigation loads ("items/name") are served by the plain collection
              obj.load(p); // validates that each property exists, as Office.js would
              entry.loads.push(p);
            }
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
    const protection = this.track(() => ({ protected: sheet.protected, options: { allowFormatCells: sheet.allowFormatCells } }), {});
    const fake = this.fake;
    const ws = this.track(
      () => ({ isNullObject: false, name: sheet.name, id: sheet.id, position: Math.max(0, [...fake.sheets.values()].indexOf(sheet)) }),
      {
      delete: () => void this.ops.push({ kind: "deleteSheet", sheet }),
      getUsedRangeOrNullObject: () => this.usedRange(sheet),
      getRangeByIndexes: (startRow: number, startColumn: number, rowCount: number, columnCount: number) =>
        this.range({ sheet, top: startRow + 1, left: startColumn + 1, bottom: startRow + rowCount, right: startColumn + columnCount }),
      getRange: (address: string) => {
        const ref = parseRange(address);
        return this.range({ sheet, top: ref.top, left: ref.left, bottom: ref.bottom, right: ref.right });
      },
      activate: () => void this.ops.push({ kind: "activate", sheet }),
      },
      (prop, value) => {
        if (prop === "name") this.ops.push({ kind: "renameSheet", sheet, name: String(value) });
        else if (prop === "position") this.ops.push({ kind: "positionSheet", sheet, position: Number(value) });
      },
    );
    ws.protection = protection;
    return ws;
  }

  private usedRange(sheet: FakeSheet, within?: Rect): OfficeMockObject {
    const rect = this.fake.usedRect(sheet, within);
    return rect ? this.range(rect) : this.track(() => ({ isNullObject: true, rowIndex: 0, columnIndex: 0, rowCount: 0, columnCount: 0 }), {});
  }

  private range(rect: FakeRect): OfficeMockObject {
    const fake = this.fake;
    if (rect.top < 1 || rect.left < 1 || rect.bottom > EXCEL_MAX_ROWS || rect.right > EXCEL_MAX_COLUMNS) {
      throw Object.assign(new Error("The argument is invalid or missing or has an incorrect format."), { code: "InvalidArgument" });
    }
    const cells = (rect.bottom - rect.top + 1) * (rect.right - rect.left + 1);
    const grid = <T>(read: (cell: FakeCell, row: number, column: number) => T): T[][] => {
      if (cells > HOPELESS_CELLS) throw payloadError("Response");
      const rows: T[][] = [];
      for (let r = rect.top; r <= rect.bottom; r++) {
        const line: T[] = [];
        for (let c = rect.left; c <= rect.right; c++) line.push(read(fake.cell(r, c, rect.sheet.name), r, c));
        rows.push(line);
      }
      return rows;
    };
    const lockedState = () => {
      const locked = grid((_, r, c) => fake.isLocked(rect.sheet, r, c)).flat();
      return locked.every(Boolean) ? true : locked.some(Boolean) ? null : false;
    };
    const protection = this.track((wants) => (wants.has("locked") ? { locked: lockedState() } : {}), {}, undefined, { locked: null });
    const range = this.track(
      (wants) => {
        const lazy: Record<string, unknown> = {
          isNullObject: false,
          address: qualifiedAddress(rect.sheet.name, rect),
          rowIndex: rect.top - 1,
          columnIndex: rect.left - 1,
          rowCount: rect.bottom - rect.top + 1,
          columnCount: rect.right - rect.left + 1,
        };
        // Grid properties are built only when loaded: a whole column must not be materialised for its address.
        if (wants.has("values")) lazy.values = grid((cell) => cell.value);
        if (wants.has("text")) lazy.text = grid((cell) => fake.text(cell));
        if (wants.has("formulas")) lazy.formulas = grid((cell) => cell.formula || cell.value);
        if (wants.has("numberFormat")) lazy.numberFormat = grid((cell) => cell.format);
        if (wants.has("rowHidden")) {
          const hidden = Array.from({ length: rect.bottom - rect.top + 1 }, (_, i) => rect.sheet.hiddenRows.has(rect.top + i));
          lazy.rowHidden = hidden.every(Boolean) ? true : hidden.some(Boolean) ? null : false;
        }
        return lazy;
      },
      {
        getRow: (index: number) => this.range({ ...rect, top: rect.top + index, bottom: rect.top + index }),
        select: () => void this.ops.push({ kind: "select", rect }),
        getUsedRangeOrNullObject: () => this.usedRange(rect.sheet, rect),
        getMergedAreasOrNullObject: () => {
          const areas = rect.sheet.merged;
          return this.track(() => ({ isNullObject: areas.length === 0, address: areas.map((a) => `${rect.sheet.name}!${a}`).join(", ") }), {});
        },
      },
      (prop, value) => this.ops.push({ kind: "set", rect, prop: prop as SettableProp, value: value as unknown[][] }),
      {
        isNullObject: false,
        address: "",
        rowIndex: 0,
        columnIndex: 0,
        rowCount: 0,
        columnCount: 0,
        values: [],
        text: [],
        formulas: [],
        numberFormat: [],
        valuesAsJson: [],
        rowHidden: false,
      },
    );
    range.worksheet = this.track(() => ({ name: rect.sheet.name }), {});
    range.format = { protection } as unknown as OfficeMockObject;
    return range;
  }
}

/** Excel refuses writes on a protected sheet to locked cells, and format changes unless allowed. */
function refuseProtected(fake: FakeExcel, op: Extract<Op, { kind: "set" }>): void {
  const { rect } = op;
  const denied = (message: string) => Object.assign(new Error(message), { code: "AccessDenied" });
  if (fake.readOnly) throw denied("The workbook is read-only.");
  if (!rect.sheet.protected) return;
  if (op.prop === "numberFormat" && !rect.sheet.allowFormatCells) throw denied("The cell or chart you're trying to change is on a protected sheet.");
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) {
      if (fake.isLocked(rect.sheet, r, c)) throw denied("The cell or chart you're trying to change is on a protected sheet.");
    }
  }
}

/** Excel's rules for a property write, cell by cell. */
function applySet(rect: FakeRect, prop: SettableProp, value: unknown[][]): void {
  for (let r = rect.top; r <= rect.bottom; r++) {
    for (let c = rect.left; c <= rect.right; c++) {
      const incoming = value[r - rect.top]?.[c - rect.left] ?? value[0][0];
      const k = key(r, c);
      const cell = { ...(rect.sheet.cells.get(k) ?? EMPTY) };
      delete cell.text;
      if (prop === "numberFormat") cell.format = String(incoming);
      else if (prop === "valuesAsJson") {
        const typed = incoming as { type: string; basicValue: CellValue };
        cell.value = typed.type === "Double" ? Number(typed.basicValue) : typed.type === "Boolean" ? Boolean(typed.basicValue) : String(typed.basicValue);
        cell.formula = "";
      } else {
        const entered = enterValue(incoming as CellValue, cell.format);
        cell.value = entered.formula ? 0 : entered.raw; // a formula's result is computed by Excel; tests only check it is a formula
        cell.formula = entered.formula;
        if (entered.autoFormat && prop === "values") cell.format = entered.autoFormat;
      }
      rect.sheet.cells.set(k, cell);
    }
  }
}
