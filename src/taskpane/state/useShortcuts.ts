import { useEffect, useRef } from "react";

export interface Shortcuts {
  applyAll(): void;
  nextUnfilled(): void;
}

/** Ctrl+Alt+Enter = すべて適用, Ctrl+Alt+↓ = 次の未入力行へ, anywhere in the pane. */
export function useShortcuts(shortcuts: Shortcuts): void {
  const latest = useRef(shortcuts);
  latest.current = shortcuts;
  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (!event.ctrlKey || !event.altKey || event.isComposing) return;
      if (event.key === "Enter") {
        event.preventDefault();
        latest.current.applyAll();
      } else if (event.key === "ArrowDown") {
        event.preventDefault();
        latest.current.nextUnfilled();
      }
    };
    document.addEventListener("keydown", onKeyDown);
    return () => document.removeEventListener("keydown", onKeyDown);
  }, []);
}
