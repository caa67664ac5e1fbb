/**
 * The add-in's settings stored in the document (Office.context.document.settings): read at once,
 * persisted with `saveAsync` after every change so a closed workbook keeps them.
 */
import { toWorkbookError, type OfficeConnection } from "./office-host";

export class OfficeSettings {
  constructor(private readonly host: OfficeConnection) {}

  async loadSetting(key: string): Promise<string | undefined> {
    const value: unknown = this.host.office.context.document.settings.get(key);
    return typeof value === "string" ? value : undefined;
  }

  async saveSetting(key: string, value: string): Promise<void> {
    this.host.office.context.document.settings.set(key, value);
    await this.saveSettings();
  }

  async removeSetting(key: string): Promise<void> {
    // `remove` changes only the in-memory copy; `saveAsync` persists the removal in the document.
    this.host.office.context.document.settings.remove(key);
    await this.saveSettings();
  }

  private saveSettings(): Promise<void> {
    const settings = this.host.office.context.document.settings;
    return new Promise<void>((resolve, reject) => {
      settings.saveAsync((result: Office.AsyncResult<void>) => {
        if (String(result.status) === "failed") reject(toWorkbookError(result.error, "writeFailed"));
        else resolve();
      });
    });
  }
}
