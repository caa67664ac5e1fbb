/**
 * faq-assist acceptance --workbook FILE.xlsx [--sheet NAME] [--json] [--clear]
 *
 * The acceptance log kept in the workbook (see src/workbook/acceptance-log.ts): per FAQ column and
 * week, how many written values were the suggestion as is, edited or replaced. `--clear` deletes the
 * log from the file (the cells are not touched); with `--sheet`, only that sheet's entries.
 */
import { FAQ_ROLES, ROLE_LABEL } from "../../engine";
import { ACCEPTANCE_NAMESPACE, appendEntries, readEntries } from "../../workbook/acceptance-log";
import { acceptedShare, summarizeAcceptance } from "../../workbook/acceptance-summary";
import { parseOptions, type Command } from "./context";

export const acceptanceCommand: Command = async (args, context) => {
  const values = parseOptions(args, { json: { type: "boolean", default: false }, clear: { type: "boolean", default: false } }, context);
  const ja = context.lang === "ja";
  const all = readEntries(await context.readParts(values.workbook, ACCEPTANCE_NAMESPACE));
  const entries = values.sheet === undefined ? all : all.filter((entry) => entry.sheet === values.sheet);
  if (values.clear) {
    const kept = all.filter((entry) => !entries.includes(entry));
    await context.writeParts(values.workbook, ACCEPTANCE_NAMESPACE, appendEntries([], kept).add ?? []);
    context.io.stdout(ja ? `採用記録 ${entries.length} 件を削除しました\n` : `cleared ${entries.length} acceptance log entries\n`);
    return 0;
  }
  const summary = summarizeAcceptance(entries, FAQ_ROLES).filter((column) => column.weeks.length > 0);
  if (values.json) {
    context.io.stdout(`${JSON.stringify({ entries: entries.length, columns: summary }, null, 2)}\n`);
    return 0;
  }
  if (entries.length === 0) {
    context.io.stdout(ja ? "採用記録はまだありません\n" : "no acceptance log entries yet\n");
    return 0;
  }
  const lines = [ja ? `採用記録 ${entries.length} 件` : `${entries.length} acceptance log entries`];
  for (const column of summary) {
    const share = Math.round(acceptedShare(column.total) * 100);
    lines.push(`${ROLE_LABEL[context.lang][column.role]}: ${ja ? `そのまま ${share}%` : `${share}% accepted as is`}`);
    for (const { week, counts } of column.weeks) {
      lines.push(
        ja
          ? `  ${week} の週  そのまま ${counts.accepted} / 修正 ${counts.edited} / 置換 ${counts.replaced}`
          : `  week of ${week}  accepted ${counts.accepted} / edited ${counts.edited} / replaced ${counts.replaced}`,
      );
    }
  }
  context.io.stdout(`${lines.join("\n")}\n`);
  return 0;
};
