/**
 * The shape every view of the pane shares (case, search, backlog, check, publish): a store React
 * reads, subscriptions taken in `start` and dropped in `dispose`, and `whenIdle` for tests and the
 * controller to wait on the view's background work.
 */
import { Store } from "./store";

export abstract class ViewBase<S extends object> {
  readonly store: Store<S>;
  private readonly offs: (() => void)[] = [];

  constructor(initial: S) {
    this.store = new Store<S>(initial);
  }

  /** Starts listening to the session (and whatever else the view follows). */
  abstract start(): void;

  /** Resolves once the view's reads, runs and writes started so far have settled. */
  abstract whenIdle(): Promise<void>;

  /** Keeps an unsubscribe for `dispose`. */
  protected listen(off: () => void): void {
    this.offs.push(off);
  }

  /** Stops listening; a view with background work cancels it too (and calls this). */
  dispose(): void {
    for (const off of this.offs.splice(0)) off();
  }
}
