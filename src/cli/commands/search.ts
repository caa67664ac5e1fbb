/** faq-assist search --workbook FILE --query TEXT [--limit N] [--category C] [--sheet S] [--json] */
import { SuggestionEngine } from "../../engine";
import { LABELS } from "../messages";
import { parseOptions, rowRef, type Command } from "./context";

const DEFAULT_LIMIT = 10;

export const searchCommand: Command = async (args, context) => {
  const values = parseOptions(
    args,
    {
      query: { type: "string", short: "q" },
      limit: { type: "string", short: "n" },
      category: { type: "string", short: "c" },
      json: { type: "boolean", default: false },
    },
    context,
  );
  const query = (values.query ?? "").trim();
  if (!query) throw context.problem("missingQuery", {}, 2);
  let limit = DEFAULT_LIMIT;
  if (values.limit !== undefined) {
    if (!/^\s*\d+\s*$/.test(values.limit) || Number(values.limit) < 1) throw context.problem("badLimit", { value: values.limit }, 2);
    limit = Number(values.limit);
  }
  const loaded = await context.loadTable(values.workbook, values.sheet);
  const { table } = loaded;
  if (table.rows.length === 0) throw context.problem("noCases", { where: `${values.workbook} / ${table.sheetName}` });
  const engine = SuggestionEngine.build(table);
  const results = engine.search(query, { limit, category: values.category });

  if (values.json) {
    const json = results.map((r) => ({
      row: rowRef(loaded, r.rowNumber),
      caseNumber: r.caseNumber,
      similarity: r.similarity,
      subject: r.subject,
      category: r.category,
      answer: r.answer,
      reply: r.reply,
      faqComplete: r.faqComplete,
    }));
    context.io.stdout(`${JSON.stringify(json, null, 2)}\n`);
    return 0;
  }
  const L = LABELS[context.lang];
  if (results.length === 0) {
    context.io.stdout(`${L.noResults}\n`);
    return 0;
  }
  const lines: string[] = [];
  results.forEach((r, i) => {
    const head = [`${i + 1}. ${L.row} ${rowRef(loaded, r.rowNumber)}`, r.caseNumber ? `${L.caseNumber} ${r.caseNumber}` : "", `${L.similarity} ${r.similarity.toFixed(2)}`];
    lines.push(head.filter(Boolean).join("  "));
    lines.push(`   ${L.subject}: ${r.subject}`);
    lines.push(`   ${L.category}: ${r.category || L.none}`);
    if (r.answer) lines.push(`   ${L.standardAnswer}: ${r.answer}`);
    else if (r.reply) lines.push(`   ${L.reply}: ${r.reply}`);
  });
  context.io.stdout(`${lines.join("\n")}\n`);
  return 0;
};
