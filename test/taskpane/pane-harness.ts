/**
 * What the pane's test files share: controllers opened on a workbook and disposed after each test,
 * and, for the jsdom files, the two things jsdom lacks or does too slowly for Fluent UI.
 */
import { computeAccessibleName } from "dom-accessibility-api";
import type { Messages } from "../../src/taskpane/i18n";
import { PaneController, type PaneOptions } from "../../src/taskpane/state/pane-controller";
import type { WorkbookPort } from "../../src/workbook/port";

/** `open(workbook)`: a started, idle controller (no change delay), disposed after the test. */
export function paneControllers(t: Messages): (wb: WorkbookPort, options?: PaneOptions, messages?: Messages) => Promise<PaneController> {
  const controllers: PaneController[] = [];
  afterEach(() => {
    for (const c of controllers.splice(0)) c.dispose();
  });
  return async (wb, options = {}, messages = t) => {
    const controller = new PaneController(wb, messages, { changeDelayMs: 0, ...options });
    controllers.push(controller);
    await controller.start();
    await controller.whenIdle();
    return controller;
  };
}

/**
 * jsdom has no ResizeObserver (Fluent's MessageBar only uses it to reflow long actions), and computes
 * styles by matching every one of Fluent's CSS rules, which Fluent's popover positioning asks for
 * over and over (a combobox list took 30 s to open). Layout is not what the jsdom tests check (the
 * end-to-end tests do, in Chromium), so styles are empty there.
 */
export function fluentInJsdom(): void {
  beforeAll(() => {
    class NoopResizeObserver {
      observe() {}
      unobserve() {}
      disconnect() {}
    }
    (window as unknown as { ResizeObserver: unknown }).ResizeObserver ??= NoopResizeObserver;
    const empty = new Proxy({} as CSSStyleDeclaration, { get: (_, prop) => (prop === "getPropertyValue" ? () => "" : "") });
    window.getComputedStyle = () => empty;
  });
}

/** Everything the keyboard or a screen reader can reach in the pane. */
export const INTERACTIVE =
  'button, input, textarea, select, a[href], [role="radio"], [role="combobox"], [role="checkbox"], [role="link"], [role="tab"], [role="option"], [tabindex]:not([tabindex="-1"])';

/** The interactive elements without an accessible name (as the start of their HTML). */
export function unnamedControls(): string[] {
  // Names come from aria-label, labels and text; styles play no part here, and jsdom's are slow.
  const noStyle = () => ({ getPropertyValue: () => "", display: "", visibility: "" }) as unknown as CSSStyleDeclaration;
  return (
    [...document.querySelectorAll<HTMLElement>(INTERACTIVE)]
      // Fluent's focus-trap sentinels are hidden from assistive technology on purpose.
      .filter((element) => !element.closest('[aria-hidden="true"]'))
      .filter((element) => computeAccessibleName(element, { getComputedStyle: noStyle }).trim() === "")
      .map((element) => element.outerHTML.slice(0, 160))
  );
}

/** Controls by the name they carry in aria-label or text (role queries compute styles: slow in jsdom). */
export function named<T extends HTMLElement>(selector: string, name: string | RegExp, container: ParentNode = document): T[] {
  return [...container.querySelectorAll<T>(selector)].filter((element) => {
    const text = (element.getAttribute("aria-label") ?? element.textContent ?? "").trim();
    return typeof name === "string" ? text === name : name.test(text);
  });
}

export function one<T extends HTMLElement>(selector: string, name: string | RegExp, container: ParentNode = document): T {
  const found = named<T>(selector, name, container);
  if (found.length !== 1) throw new Error(`Expected one ${selector} named ${name}, found ${found.length}`);
  return found[0];
}

export const button = (name: string | RegExp, container?: ParentNode) => one<HTMLButtonElement>("button", name, container);
