/** Shape rules every corpus case must meet (used by the router and by the corpus test). */
import type { CorpusCase } from "./corpus";

export const CATEGORY_IDS = [
  ...Array.from({ length: 15 }, (_, i) => `1-${i + 1}`),
  ...Array.from({ length: 6 }, (_, i) => `他-${i + 1}`),
];

export function corpusCaseProblems(c: CorpusCase): string[] {
  const problems: string[] = [];
  if (!c || typeof c !== "object") return ["not an object"];
  if (typeof c.id !== "string" || !/^[a-z0-9]+-\d{3}$/.test(c.id)) problems.push("id must look like c1-001");
  if (typeof c.subject !== "string" || c.subject.trim() === "") problems.push("subject is empty");
  if (typeof c.content !== "string" || c.content.trim().length < 15) problems.push("content is too short");
  if (!CATEGORY_IDS.includes(c.category)) problems.push(`unknown category ${String(c.category)}`);
  for (const alt of c.alsoAccepted ?? []) {
    if (!CATEGORY_IDS.includes(alt) || alt === c.category) problems.push(`bad alsoAccepted ${alt}`);
  }
  if (!Array.isArray(c.keywords) || c.keywords.length < 3 || c.keywords.length > 6) problems.push("3–6 keywords");
  else if (new Set(c.keywords).size !== c.keywords.length) problems.push("duplicate keywords");
  for (const name of c.plantedNames ?? []) {
    if (!`${c.subject}\n${c.content}`.includes(name)) problems.push(`planted name ${name} is not in the text`);
  }
  try {
    const url = new URL(c.source?.url ?? "");
    if (url.protocol !== "https:" && url.protocol !== "http:") problems.push("source url must be http(s)");
  } catch {
    problems.push("source url is missing or invalid");
  }
  if (typeof c.source?.publisher !== "string" || c.source.publisher.trim() === "") problems.push("source publisher is empty");
  return problems;
}
