/** The pane's one message line (outcome of an apply, a warning, an error), shared by every view. */
import { Store } from "./store";

export type NoticeIntent = "success" | "info" | "warning" | "error";

export interface Notice {
  intent: NoticeIntent;
  text: string;
}

export class Notices {
  /** `announcement`: a sentence for screen readers only (a move the editor did not see happen). */
  readonly store = new Store<{ notice: Notice | null; announcement: string }>({ notice: null, announcement: "" });

  announce(text: string): void {
    this.store.set({ announcement: text });
  }

  show(intent: NoticeIntent, text: string): void {
    this.store.set({ notice: { intent, text } });
  }

  current(): Notice | null {
    return this.store.get().notice;
  }

  dismiss(): void {
    this.store.set({ notice: null });
  }

  /** "Wrote N items into row R" belongs to the row the editor has left. */
  clearSuccess(): void {
    if (this.current()?.intent === "success") this.dismiss();
  }
}
