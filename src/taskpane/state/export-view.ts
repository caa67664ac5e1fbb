/**
 * FAQ を書き出す: the published FAQ page (`exportFaqPage`, one self-contained HTML file) built from the
 * sheet as the pane holds it, offered as a download, with what the privacy gate masked or left out
 * shown row by row. Where the host cannot save a download (Excel for Mac's webview), the page can be
 * copied instead; optionally the same entries go into a sheet named FAQ, never the case sheet, and an
 * earlier copy the add-in made is replaced only after a confirmation (`publishFaqSheet`).
 *
 * Building the page runs when the view is opened or asked to, not after every edit (an edit marks the
 * page out of date), in time slices so the pane never freezes. It waits for the full privacy detector
 * (kuromoji's dictionary knows people's names): a page built before the dictionary loaded would
 * publish names the CLI masks. If the dictionary cannot load, the page is built with the weaker
 * detector, the view says so plainly, and the FAQ sheet is not written; when the dictionary arrives
 * later the page is built again.
 */
import { buildFaqModelInSlices, describeGateNote, faqSheetValues, renderFaqPage, yieldToHost, type FaqGateNote, type FaqModel, type Morphology } from "../../engine";
import { publishFaqSheet } from "../../workbook/faq-sheet";
import type { Messages } from "../i18n";
import type { Notices } from "./notices";
import type { SheetSession } from "./sheet-session";
import { ViewBase } from "./view-base";

/** What the host offers for getting a file out of the pane (the browser implementation is `browser-files.ts`). */
export interface FileHost {
  /** False where a download from the pane cannot work (Excel for Mac and iPad: office-js #2700, #3385). */
  readonly canDownload: boolean;
  /** Offers the text as a file download; false if the host refused. */
  download(text: string, fileName: string, type: string): boolean;
  /** Puts the text on the clipboard; false if the host refused. */
  copy(text: string): Promise<boolean>;
}

export interface ExportSummary {
  entries: number;
  rowsPublished: number;
  rowsWithoutAnswer: number;
  rowsOmitted: number;
}

export interface ExportNote extends FaqGateNote {
  /** The note in the pane's language ("the answer's phone number was masked"). */
  text: string;
}

export interface ExportState {
  phase: "idle" | "building" | "ready" | "failed";
  /** The host can save a download (not Excel for Mac / iPad): the pane offers copying instead. */
  canDownload: boolean;
  fileName: string;
  summary: ExportSummary | null;
  notes: ExportNote[];
  /** An answer with personal data: published masked, or the entry left out. */
  privateData: "mask" | "omit";
  /** The sheet changed since the page was built. */
  stale: boolean;
  /** The page was offered as a download or copied (the fallbacks are shown after a download). */
  delivered: "download" | "copy" | null;
  sheet: { phase: "idle" | "writing" | "written"; sheetName?: string };
  /** The add-in's earlier FAQ sheet is there: replace it? (its name) */
  pendingReplace: string | null;
  /**
   * Which privacy detector built the page: the full one (with kuromoji's dictionary), or the weaker
   * one because the dictionary could not load (then the FAQ sheet is not written); "waiting" while
   * the dictionary loads.
   */
  detector: "full" | "weaker" | "waiting" | null;
}

/** Longest stretch of work between two yields to the pane. */
const SLICE_MS = 40;

function today(): string {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, "0")}-${String(d.getDate()).padStart(2, "0")}`;
}

export class ExportView extends ViewBase<ExportState> {
  private html = "";
  private model: FaqModel | null = null;
  private working: Promise<void> = Promise.resolve();

  constructor(
    private readonly session: SheetSession,
    private readonly notices: Notices,
    private readonly t: Messages,
    private readonly files: FileHost,
    /** kuromoji once its dictionary has loaded (starting the load if need be); undefined if it cannot load. */
    private readonly dictionary: () => Promise<Morphology | undefined> = () => Promise.resolve(undefined),
    private readonly date: () => string = today,
  ) {
    super({
      phase: "idle",
      canDownload: files.canDownload,
      fileName: "",
      summary: null,
      notes: [],
      privateData: "mask",
      stale: false,
      delivered: null,
      sheet: { phase: "idle" },
      pendingReplace: null,
      detector: null,
    });
  }

  /** The dictionary has arrived: a page built with the weaker detector is built again. */
  dictionaryArrived(): void {
    const { detector, phase } = this.store.get();
    if (detector === "weaker" && phase !== "idle") void this.build();
  }

  start(): void {
    this.listen(
      this.session.onEvent((event) => {
        if (event.kind !== "engine" && this.store.get().phase === "ready") this.store.set({ stale: true });
      }),
    );
  }

  whenIdle(): Promise<void> {
    return this.working;
  }

  /** The view is shown: build the page if it was never built or the sheet changed since. */
  open(): void {
    const { phase, stale } = this.store.get();
    if (phase === "idle" || phase === "failed" || stale) void this.build();
  }

  setPrivateData(privateData: "mask" | "omit"): void {
    if (privateData === this.store.get().privateData) return;
    this.store.set({ privateData });
    if (this.store.get().phase !== "idle") void this.build();
  }

  /** Builds the page from the sheet as the pane holds it now, with the full detector once it is there. */
  build(): Promise<void> {
    this.working = this.working.then(async () => {
      if (!this.session.store.get().table) return;
      this.store.set({ phase: "building", detector: "waiting" });
      const loaded = await this.dictionary();
      const morphology = loaded?.name === "kuromoji" ? loaded : undefined;
      this.store.set({ detector: morphology ? "full" : "weaker" });
      const table = this.session.store.get().table;
      if (!table) return;
      try {
        const rows = [...this.session.rows.values()].sort((a, b) => a.rowNumber - b.rowNumber);
        const date = this.date();
        const options = { lang: this.t.lang, generatedAt: date, privateData: this.store.get().privateData, morphology };
        const model = await buildFaqModelInSlices({ ...table, rows }, options, { sliceMs: SLICE_MS, yieldToHost });
        if (!model) return;
        await yieldToHost();
        this.html = renderFaqPage(model, options);
        this.model = model;
        this.store.set({
          phase: "ready",
          stale: false,
          delivered: null,
          fileName: `faq-${date}.html`,
          summary: {
            entries: model.groups.reduce((sum, g) => sum + g.entries.length, 0),
            rowsPublished: model.rowsPublished,
            rowsWithoutAnswer: model.rowsWithoutAnswer,
            rowsOmitted: model.rowsOmitted,
          },
          notes: model.notes.map((note) => ({ ...note, text: describeGateNote(note, this.t.lang) })),
        });
      } catch (error) {
        this.store.set({ phase: "failed" });
        this.notices.show("error", this.t.exportFailed(error instanceof Error ? error.message : String(error)));
      }
    });
    return this.working;
  }

  /** The page as built (for the download and for tests). */
  get page(): string {
    return this.html;
  }

  download(): void {
    if (this.store.get().phase !== "ready") return;
    if (this.files.canDownload && this.files.download(this.html, this.store.get().fileName, "text/html;charset=utf-8")) {
      this.store.set({ delivered: "download" });
      this.notices.show("success", this.t.exportDownloaded(this.store.get().fileName));
    } else {
      this.notices.show("warning", this.t.exportDownloadUnavailable);
    }
  }

  async copy(): Promise<void> {
    if (this.store.get().phase !== "ready") return;
    if (await this.files.copy(this.html)) {
      this.store.set({ delivered: "copy" });
      this.notices.show("success", this.t.exportCopied);
    } else this.notices.show("error", this.t.exportCopyFailed);
  }

  /** Writes the entries into the add-in's FAQ sheet (asks before replacing its earlier copy). */
  writeSheet(confirmedReplace?: string): Promise<void> {
    this.working = this.working.then(async () => {
      const table = this.session.store.get().table;
      const model = this.model;
      if (!table || !model || this.store.get().phase !== "ready") return;
      if (this.store.get().detector !== "full") {
        // A sheet is there for good and shared: only the full detector's page goes into it.
        this.notices.show("warning", this.t.exportSheetNeedsDictionary);
        return;
      }
      this.store.set({ sheet: { phase: "writing" }, pendingReplace: null });
      const outcome = await publishFaqSheet(this.session.port, {
        values: faqSheetValues(model, this.t.lang),
        caseSheetName: table.sheetName,
        confirmedReplace,
      });
      switch (outcome.kind) {
        case "written":
          this.store.set({ sheet: { phase: "written", sheetName: outcome.sheetName } });
          this.notices.show("success", this.t.exportSheetWritten(outcome.sheetName, outcome.rows - 1, outcome.skipped));
          return;
        case "needsConfirmation":
          this.store.set({ sheet: { phase: "idle" }, pendingReplace: outcome.sheetName });
          return;
        case "tooLong":
          this.store.set({ sheet: { phase: "idle" } });
          this.notices.show("error", this.t.exportSheetTooLong(outcome.row, outcome.length, outcome.limit));
          return;
        case "noName":
          this.store.set({ sheet: { phase: "idle" } });
          this.notices.show("warning", this.t.exportSheetNoName(outcome.tried));
          return;
        case "failed":
          this.store.set({ sheet: { phase: "idle" } });
          this.notices.show(
            "error",
            outcome.code === "readOnly" ? this.t.readOnlyWorkbook : outcome.code === "protected" ? this.t.exportSheetProtected : this.t.writeFailed(outcome.message),
          );
          return;
      }
    });
    return this.working;
  }

  confirmReplace(): Promise<void> {
    const name = this.store.get().pendingReplace;
    if (!name) return Promise.resolve();
    return this.writeSheet(name);
  }

  cancelReplace(): void {
    this.store.set({ pendingReplace: null });
  }
}
