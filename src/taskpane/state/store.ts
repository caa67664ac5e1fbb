/**
 * The smallest observable state holder: what React's `useSyncExternalStore` needs (a stable
 * `subscribe` and a `get` that returns the same object until something changed), and nothing else.
 */
export type Listener = () => void;

export class Store<S extends object> {
  private state: S;
  private readonly listeners = new Set<Listener>();

  constructor(initial: S) {
    this.state = initial;
  }

  readonly get = (): S => this.state;

  readonly subscribe = (listener: Listener): (() => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Merges a patch; listeners hear about it only when something actually changed. */
  set(patch: Partial<S> | ((state: S) => Partial<S>)): void {
    const next = typeof patch === "function" ? patch(this.state) : patch;
    if (Object.entries(next).every(([key, value]) => Object.is(this.state[key as keyof S], value))) return;
    this.state = { ...this.state, ...next };
    for (const listener of [...this.listeners]) listener();
  }
}
