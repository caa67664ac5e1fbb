/**
 * Ribbon function commands (FunctionFile commands.html). They run without the task pane, so they
 * must finish on their own and tell the user what happened when nothing visible happens: "every row
 * is filled", "no consultation table here", or why it failed — in a small dialog (Office's dialog API,
 * the documented way for a function command to show something), which this same page renders when
 * opened with `?feedback=…`.
 */
import { OfficeWorkbook } from "../workbook/office-adapter";
import type { WorkbookPort } from "../workbook/port";
import { languageFromDisplayLanguage, messagesFor, type Language } from "../taskpane/i18n";
import { selectNextEmptyRow, type NextRowOutcome } from "./select-next-empty-row";

export type Feedback = { kind: "allFilled" } | { kind: "noTable" } | { kind: "failed"; detail: string };

/** What the user should be told after the command, if anything (a selection that moved speaks for itself). */
export function feedbackFor(outcome: NextRowOutcome): Feedback | undefined {
  return outcome.kind === "selected" ? undefined : { kind: outcome.kind };
}

export function feedbackText(language: Language, feedback: Feedback): string {
  const t = messagesFor(language);
  switch (feedback.kind) {
    case "allFilled":
      return t.noEmptyRows;
    case "noTable":
      return t.commandNoTable;
    case "failed":
      return t.commandFailed(feedback.detail);
  }
}

export type Notify = (feedback: Feedback) => Promise<void>;

/**
 * Runs the work, tells the user the outcome when there is something to tell, and always completes
 * the event (after the dialog is closed: completing first would end the function file's runtime).
 */
export async function runCommand(
  event: Pick<Office.AddinCommands.Event, "completed">,
  work: () => Promise<Feedback | undefined>,
  notify: Notify,
): Promise<void> {
  try {
    let feedback: Feedback | undefined;
    try {
      feedback = await work();
    } catch (error) {
      console.error("faq-assist command failed", error);
      const detail = error instanceof Error ? error.message : String(error);
      feedback = { kind: "failed", detail };
    }
    if (feedback) await notify(feedback).catch((error: unknown) => console.error("faq-assist could not show its message", error));
  } finally {
    event.completed();
  }
}

/** How long the message stays up if the user does not close it (a function command must end). */
const DIALOG_TIMEOUT_MS = 60_000;

/** Shows the feedback in a small dialog (this page with `?feedback=`), resolved when it closes. */
export function showFeedbackDialog(office: typeof Office, feedback: Feedback, pageUrl: string): Promise<void> {
  const url = new URL(pageUrl);
  url.search = "";
  url.searchParams.set("feedback", feedback.kind);
  if (feedback.kind === "failed") url.searchParams.set("detail", feedback.detail.slice(0, 300));
  url.searchParams.set("lang", languageFromDisplayLanguage(office.context.displayLanguage));
  return new Promise((resolve) => {
    office.context.ui.displayDialogAsync(url.toString(), { height: 25, width: 30, displayInIframe: true }, (result) => {
      if (result.status !== office.AsyncResultStatus.Succeeded) {
        resolve();
        return;
      }
      const dialog = result.value;
      const close = () => {
        clearTimeout(timer);
        try {
          dialog.close();
        } catch {
          // Already closed by the user.
        }
        resolve();
      };
      const timer = setTimeout(close, DIALOG_TIMEOUT_MS);
      dialog.addEventHandler(office.EventType.DialogMessageReceived, close);
      dialog.addEventHandler(office.EventType.DialogEventReceived, close);
    });
  });
}

/** The dialog page itself: the message and an OK button that asks the command to close it. */
export function renderFeedbackPage(doc: Document, params: URLSearchParams, messageParent: (message: string) => void): void {
  const language: Language = params.get("lang") === "en" ? "en" : "ja";
  const kind = params.get("feedback");
  const feedback: Feedback =
    kind === "allFilled" || kind === "noTable" ? { kind } : { kind: "failed", detail: params.get("detail") ?? "" };
  const t = messagesFor(language);
  doc.documentElement.lang = language;
  doc.title = t.appTitle;
  const main = doc.createElement("main");
  main.style.fontFamily = '"Segoe UI", "Meiryo", "Noto Sans CJK JP", sans-serif';
  main.style.padding = "16px";
  const heading = doc.createElement("h1");
  heading.textContent = t.appTitle;
  heading.style.fontSize = "16px";
  const text = doc.createElement("p");
  text.setAttribute("role", feedback.kind === "failed" ? "alert" : "status");
  text.textContent = feedbackText(language, feedback);
  const ok = doc.createElement("button");
  ok.type = "button";
  ok.textContent = t.ok;
  ok.addEventListener("click", () => messageParent("close"));
  main.append(heading, text, ok);
  doc.body.replaceChildren(main);
  ok.focus();
}

export function nextEmptyRowCommand(port: () => WorkbookPort, notify: Notify) {
  return (event: Office.AddinCommands.Event) => runCommand(event, async () => feedbackFor(await selectNextEmptyRow(port())), notify);
}

// Registered at the top level, as Microsoft's template does: the handler exists as soon as the
// function file has loaded, not only after Office.onReady has called back.
if (typeof Office !== "undefined") {
  const params = new URLSearchParams(typeof location !== "undefined" ? location.search : "");
  if (params.has("feedback")) {
    void Office.onReady(() => renderFeedbackPage(document, params, (message) => Office.context.ui.messageParent(message)));
  } else {
    const command = nextEmptyRowCommand(
      () => new OfficeWorkbook(),
      (feedback) => showFeedbackDialog(Office, feedback, location.href),
    );
    Office.actions.associate("selectNextEmptyRow", command);
    void Office.onReady(() => undefined);
  }
}
