/**
 * Follows the selection without trusting any one signal. Excel's selection events are known to be
 * unreliable (office-js #6311, #533, #4691, #1329), so the pane also asks again when it regains focus
 * and, in Excel, every few seconds. Every request bumps a sequence number; a reply is kept only if no
 * newer request was made while it was under way, and one more read then follows — so holding an
 * arrow key down lands on the last row, never on an older reply that arrived late.
 */
import type { SelectionInfo, Unsubscribe, WorkbookPort } from "../../workbook/port";
import { Store } from "./store";

export interface SelectionState {
  selection: SelectionInfo | null;
  /** Replies read and thrown away because a newer request had been made (for tests and diagnostics). */
  staleReplies: number;
}

export class SelectionFollower {
  readonly store = new Store<SelectionState>({ selection: null, staleReplies: 0 });
  private requested = 0;
  private reading: Promise<void> | null = null;
  private unsubscribe: Unsubscribe | null = null;
  private poll: ReturnType<typeof setInterval> | undefined;
  private disposed = false;

  constructor(
    private readonly port: WorkbookPort,
    private readonly pollMs = 0,
  ) {}

  async start(): Promise<void> {
    const off = await this.port.onSelectionChanged(() => this.refresh()).catch(() => null);
    if (this.disposed) void off?.();
    else this.unsubscribe = off;
    if (this.pollMs > 0 && !this.disposed) this.poll = setInterval(() => this.refresh(), this.pollMs);
    await this.refresh();
  }

  /** Asks for the selection again; resolves when the newest request has been answered. */
  refresh(): Promise<void> {
    this.requested++;
    if (!this.reading) {
      this.reading = this.readUntilCurrent().finally(() => {
        this.reading = null;
      });
    }
    return this.reading;
  }

  /** Resolves when no read is under way (without asking again). */
  whenIdle(): Promise<void> {
    return this.reading ?? Promise.resolve();
  }

  private async readUntilCurrent(): Promise<void> {
    for (;;) {
      const asked = this.requested;
      const selection = await this.port.getSelection().catch(() => undefined);
      if (this.disposed) return;
      if (asked !== this.requested) {
        this.store.set((s) => ({ staleReplies: s.staleReplies + 1 }));
        continue;
      }
      // A selection that cannot be read (a chart, a shape) leaves the last one in place.
      if (selection && !sameSelection(selection, this.store.get().selection)) this.store.set({ selection });
      return;
    }
  }

  dispose(): void {
    this.disposed = true;
    clearInterval(this.poll);
    void Promise.resolve(this.unsubscribe?.()).catch(() => undefined);
  }
}

function sameSelection(a: SelectionInfo, b: SelectionInfo | null): boolean {
  return !!b && a.sheetName === b.sheetName && a.address === b.address && a.row === b.row && a.column === b.column && a.rowCount === b.rowCount && a.columnCount === b.columnCount;
}
