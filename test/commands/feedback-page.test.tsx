/** @jest-environment jsdom */
import { renderFeedbackPage } from "../../src/commands/commands";

describe("the feedback dialog page", () => {
  it("shows the message in the user's language and asks the command to close it", () => {
    const sent: string[] = [];
    renderFeedbackPage(document, new URLSearchParams("feedback=noTable&lang=ja"), (message) => sent.push(message));
    expect(document.documentElement.lang).toBe("ja");
    expect(document.querySelector('[role="status"]')?.textContent).toContain("相談表が見つかりません");
    document.querySelector("button")?.click();
    expect(sent).toEqual(["close"]);

    renderFeedbackPage(document, new URLSearchParams("feedback=failed&detail=AccessDenied&lang=en"), () => undefined);
    expect(document.querySelector('[role="alert"]')?.textContent).toBe("Could not select the next unfilled row: AccessDenied");
  });
});
