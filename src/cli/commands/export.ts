/**
 * faq-assist export --workbook FILE --out FILE.html [--sheet S|all] [--lang ja|en] [--omit-private]
 * Writes the FAQ page (atomically: a temporary file renamed into place) and says which rows the
 * privacy gate masked or trimmed, and why. Never writes to the workbook.
 */
import { promises as fs } from "fs";
import * as path from "path";
import { describeGateNote, exportFaqPage, type FaqLang } from "../../engine";
import { LABELS } from "../messages";
import { parseOptions, rowRef, type Command } from "./context";

function today(): string {
  const d = new Date();
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

/**
 * The page replaces a regular file or lands at a new path, nothing else: renaming over a symlink
 * replaces the link (the file it pointed to is left stale), and as root over /dev/null replaces a
 * device. A directory could never be replaced. Checked with lstat, so the link itself is seen.
 */
async function refuseNonRegularTarget(out: string, shown: string, context: Parameters<Command>[1]): Promise<void> {
  let stat;
  try {
    stat = await fs.lstat(out);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return;
    throw context.problem("cannotWrite", { file: shown, reason: (error as NodeJS.ErrnoException).code ?? String(error) });
  }
  if (stat.isFile()) return;
  const ja = context.lang === "ja";
  const kind = stat.isSymbolicLink()
    ? ja ? "シンボリックリンク" : "symbolic link"
    : stat.isDirectory()
      ? ja ? "フォルダー" : "folder"
      : ja ? "デバイスなどの特殊なファイル" : "device or other special file";
  throw context.problem("outNotAFile", { file: shown, kind }, 2);
}

export const exportCommand: Command = async (args, context) => {
  const values = parseOptions(
    args,
    {
      out: { type: "string", short: "o" },
      lang: { type: "string" },
      "omit-private": { type: "boolean", default: false },
    },
    context,
  );
  const workbook = values.workbook;
  if (!values.out) throw context.problem("missingOut", {}, 2);
  const pageLang = values.lang ?? "ja";
  if (pageLang !== "ja" && pageLang !== "en") throw context.problem("badLang", { value: pageLang }, 2);
  const out = path.resolve(values.out);
  if (out === path.resolve(workbook)) throw context.problem("outIsInput", { file: values.out }, 2);

  await refuseNonRegularTarget(out, values.out, context);

  const loaded = await context.loadTable(workbook, values.sheet);
  const { table } = loaded;
  const { html, model } = exportFaqPage(table, {
    lang: pageLang as FaqLang,
    generatedAt: today(),
    privateData: values["omit-private"] ? "omit" : "mask",
    morphology: await context.morphology(),
  });
  if (model.rowsPublished === 0 && model.rowsOmitted === 0) throw context.problem("noAnswers", { where: `${workbook} / ${table.sheetName}` });

  const temporary = path.join(path.dirname(out), `.${path.basename(out)}.${process.pid}.tmp`);
  try {
    // "wx": a file (or a symlink planted) at the temporary name is an error, never followed.
    await fs.writeFile(temporary, html, { encoding: "utf8", flag: "wx" });
    await fs.rename(temporary, out);
  } catch (error) {
    await fs.rm(temporary, { force: true });
    const code = (error as NodeJS.ErrnoException).code;
    throw context.problem("cannotWrite", { file: values.out, reason: code === "ENOENT" ? "no such folder" : (code ?? String(error)) });
  }

  const L = LABELS[context.lang];
  const entries = model.groups.reduce((n, g) => n + g.entries.length, 0);
  const lines = [
    L.exported
      .replace("{file}", values.out)
      .replace("{entries}", String(entries))
      .replace("{rows}", String(model.rowsPublished))
      .replace("{groups}", String(model.groups.length)),
  ];
  if (model.rowsWithoutAnswer > 0) lines.push(L.withoutAnswer.replace("{n}", String(model.rowsWithoutAnswer)));
  if (model.notes.length > 0) {
    lines.push(L.privacyNotes);
    for (const note of model.notes) {
      const where = `${L.row} ${rowRef(loaded, note.rowNumber)}${note.caseNumber ? ` (${L.caseNumber} ${note.caseNumber})` : ""}`;
      lines.push(`  ${where}: ${describeGateNote(note, context.lang)}`);
    }
  }
  context.io.stdout(`${lines.join("\n")}\n`);
  return 0;
};
