/** faq-assist check --workbook FILE [--sheet S] [--json]: 点検 of the FAQ columns. Exit 3 when problems are found. */
import { FaqChecker, ROLE_LABEL, describeProblem } from "../../engine";
import { LABELS } from "../messages";
import { PROBLEMS_FOUND, columnLetter, columnOfRow, parseOptions, rowRef, type Command } from "./context";

export const checkCommand: Command = async (args, context) => {
  const values = parseOptions(
    args,
    {
      json: { type: "boolean", default: false },
    },
    context,
  );
  const loaded = await context.loadTable(values.workbook, values.sheet);
  const { table } = loaded;
  const columnOf = (p: { rowNumber: number; role: Parameters<typeof columnOfRow>[2]; column: number }) => columnOfRow(loaded, p.rowNumber, p.role, p.column);
  if (table.rows.length === 0) throw context.problem("noCases", { where: `${values.workbook} / ${table.sheetName}` });
  const checker = new FaqChecker(table, { morphology: await context.morphology() });
  const problems = checker.checkAll();
  const lang = context.lang;

  if (values.json) {
    const json = problems.map((p) => ({
      row: rowRef(loaded, p.rowNumber),
      caseNumber: p.caseNumber,
      column: columnLetter(columnOf(p)),
      columnNumber: columnOf(p),
      role: p.role,
      kind: p.kind,
      message: describeProblem(p, lang),
      value: p.value,
      items: p.items,
      ...(p.kinds ? { kinds: p.kinds } : {}),
      ...(p.missing ? { missing: p.missing } : {}),
      ...(p.fix !== undefined ? { fix: p.fix } : {}),
    }));
    context.io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    return problems.length > 0 ? PROBLEMS_FOUND : 0;
  }

  const L = LABELS[lang];
  const fixable = problems.filter((p) => p.fix !== undefined).length;
  const lines: string[] = [];
  for (const p of problems) {
    const where = `${L.row} ${rowRef(loaded, p.rowNumber)}${p.caseNumber ? ` (${L.caseNumber} ${p.caseNumber})` : ""} ${columnLetter(columnOf(p))} ${ROLE_LABEL[lang][p.role]}`;
    lines.push(`${where}: ${describeProblem(p, lang)}`);
    if (p.fix !== undefined) lines.push(`    → ${L.fix}: ${p.fix.replace(/\r?\n/g, " / ")}`);
  }
  lines.push(problems.length === 0 ? L.noProblems : L.problemSummary.replace("{n}", String(problems.length)).replace("{fixable}", String(fixable)));
  context.io.stdout(`${lines.join("\n")}\n`);
  return problems.length > 0 ? PROBLEMS_FOUND : 0;
};
