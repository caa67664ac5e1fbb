/**
 * Where keyboard focus goes when the control that had it goes away. A button that disables itself
 * after acting, a chip or row link that is re-rendered away, a dialog that closes: browsers drop focus
 * on <body> then, and a keyboard user has to start again from the top of the pane.
 */
import { useEffect, useRef } from "react";
import type { RefObject } from "react";

/** What can take focus with Tab (enabled, not hidden from the tab order). */
const TABBABLE = 'button, input, textarea, select, a[href], [tabindex]:not([tabindex="-1"])';

/** Marks an element whose focusable content is the fallback when a control inside it goes away. */
export const FOCUS_REGION = "data-focus-region";

export function isUnavailable(element: Element): boolean {
  return !element.isConnected || element.matches(":disabled") || element.getAttribute("aria-disabled") === "true" || element.closest("[inert]") !== null;
}

function tabbables(root: ParentNode): HTMLElement[] {
  return [...root.querySelectorAll<HTMLElement>(TABBABLE)].filter((element) => !isUnavailable(element) && !element.closest('[aria-hidden="true"]'));
}

/** The first control in `root` that can take focus, or `root` itself when it is focusable. */
export function focusFirstIn(root: HTMLElement | null): boolean {
  if (!root || !root.isConnected) return false;
  const target = tabbables(root)[0] ?? (root.hasAttribute("tabindex") ? root : null);
  target?.focus();
  return target !== null;
}

/** The next control after `element` in document order within `root` (or the one before, at the end). */
function neighbourOf(element: Element, root: HTMLElement): HTMLElement | undefined {
  const all = tabbables(root);
  const after = all.find((candidate) => element.compareDocumentPosition(candidate) & Node.DOCUMENT_POSITION_FOLLOWING);
  return after ?? [...all].reverse().find((candidate) => element.compareDocumentPosition(candidate) & Node.DOCUMENT_POSITION_PRECEDING);
}

export interface FocusKeeperOptions {
  /** The pane is writing or reading: a button disabled for the while gets its focus back afterwards. */
  busy: boolean;
  /** A dialog is open: focus is in it, and comes back to the control that opened it. */
  dialogOpen: boolean;
  /** Changes whenever the pane re-renders something that may have taken the focused control away. */
  revision: unknown;
  /** The notice line's element, if a notice is shown. */
  notice: () => HTMLElement | null;
  /** Changes with each new notice: only a notice that came after the control was used says what it did. */
  noticeKey: unknown;
  /** The landing place of the view on screen (the case summary, the view's section). */
  landing: () => HTMLElement | null;
}

/**
 * Keeps focus inside `root` when its control goes away: back to it once a busy spell is over, else to
 * the notice, else to the next control beside it, else to its region, else to the view's landing place.
 * Only while the pane's window has focus and the control was lost (disabled, removed, a dialog
 * closed) — never after a click on plain text or into the sheet.
 */
export function useFocusKeeper(root: RefObject<HTMLElement>, options: FocusKeeperOptions): void {
  const last = useRef<HTMLElement | null>(null);
  const region = useRef<HTMLElement | null>(null);
  const dialogWasOpen = useRef(false);
  /** Focus was lost (or a dialog closed) and has not been given a place yet. */
  const pending = useRef(false);
  const noticeAtFocus = useRef<unknown>(null);
  const windowFocused = useRef(true);
  const gaveNoticeTime = useRef(false);
  const latest = useRef(options);
  latest.current = options;

  useEffect(() => {
    const element = root.current;
    if (!element) return;
    const onFocusIn = (event: FocusEvent) => {
      if (!(event.target instanceof HTMLElement)) return;
      last.current = event.target;
      region.current = event.target.closest<HTMLElement>(`[${FOCUS_REGION}]`);
      pending.current = false;
      noticeAtFocus.current = latest.current.noticeKey;
    };
    // The editor went to the sheet (Excel has the keyboard): the pane must not take it back.
    const onWindowBlur = () => (windowFocused.current = false);
    const onWindowFocus = () => (windowFocused.current = true);
    element.addEventListener("focusin", onFocusIn);
    window.addEventListener("blur", onWindowBlur);
    window.addEventListener("focus", onWindowFocus);
    return () => {
      element.removeEventListener("focusin", onFocusIn);
      window.removeEventListener("blur", onWindowBlur);
      window.removeEventListener("focus", onWindowFocus);
    };
  }, [root]);

  /** Gives lost focus a place; false when it should look again a little later. */
  const settle = (): boolean => {
    const { busy, dialogOpen } = latest.current;
    const element = root.current;
    const lost = last.current;
    if (!element || !lost || dialogOpen || !windowFocused.current) return true;
    const active = document.activeElement;
    const nothingFocused = !active || active === document.body || active === document.documentElement;
    // Still in a closing dialog (Fluent animates it out): look again once it has gone.
    if (pending.current && active && !nothingFocused && !element.contains(active) && active.closest('[role="dialog"], [role="alertdialog"]')) return false;
    if (!nothingFocused && active !== lost) {
      pending.current = false;
      return true;
    }
    if (isUnavailable(lost)) pending.current = true;
    if (!pending.current) return true;
    if (busy) return false;
    if (!isUnavailable(lost)) {
      lost.focus();
      return true;
    }
    if (lost.isConnected) {
      // A button that disabled itself: the notice that says what it did, once it has come.
      const fresh = latest.current.noticeKey !== noticeAtFocus.current ? latest.current.notice() : null;
      if (fresh) {
        fresh.focus();
        return true;
      }
      if (!gaveNoticeTime.current) {
        gaveNoticeTime.current = true;
        return false;
      }
      const beside = neighbourOf(lost, element);
      if (beside) {
        beside.focus();
        return true;
      }
    }
    if (!(region.current && focusFirstIn(region.current))) latest.current.landing()?.focus();
    return true;
  };

  useEffect(() => {
    if (dialogWasOpen.current && !options.dialogOpen) pending.current = true;
    dialogWasOpen.current = options.dialogOpen;
    gaveNoticeTime.current = false;
    if (settle()) return;
    // Look again shortly: the outcome's notice follows the write by a moment, a dialog fades out.
    let tries = 0;
    const timer = setInterval(() => {
      if (settle() || ++tries > 20) clearInterval(timer);
    }, 50);
    return () => clearInterval(timer);
  }, [root, options.busy, options.dialogOpen, options.revision]);
}
