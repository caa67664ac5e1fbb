/**
 * npx tsx eval/add-cases.ts eval/corpus/drafts/<file>.jsonl <group>
 *
 * Routes the cases of a draft file into eval/corpus/<part>/<group>.jsonl by their source URL (see
 * `partOfSource`), appending, and empties the draft. Refuses drafts with duplicate ids or malformed
 * cases, so a half-routed draft never happens.
 */
import * as fs from "node:fs";
import * as path from "node:path";
import { CORPUS_DIR, parseCorpusLines, partOfSource, type CorpusCase, type CorpusPart } from "./corpus";
import { corpusCaseProblems } from "./validate";

function main(): void {
  const [draftPath, group] = process.argv.slice(2);
  if (!draftPath || !group || !/^[a-z0-9-]+$/.test(group)) {
    console.error("usage: npx tsx eval/add-cases.ts <draft.jsonl> <group (a-z0-9-)>");
    process.exit(2);
  }
  const cases = parseCorpusLines(fs.readFileSync(draftPath, "utf8"), draftPath);
  const problems = cases.flatMap((c) => corpusCaseProblems(c).map((p) => `${c.id ?? "?"}: ${p}`));
  if (problems.length > 0) {
    console.error(problems.join("\n"));
    process.exit(1);
  }
  const byPart: Record<CorpusPart, CorpusCase[]> = { tuning: [], heldout: [] };
  for (const c of cases) byPart[partOfSource(c.source.url)].push(c);
  for (const part of ["tuning", "heldout"] as const) {
    if (byPart[part].length === 0) continue;
    const file = path.join(CORPUS_DIR, part, `${group}.jsonl`);
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.appendFileSync(file, byPart[part].map((c) => JSON.stringify(c)).join("\n") + "\n");
  }
  fs.writeFileSync(draftPath, "");
  console.log(`routed ${cases.length} cases: tuning ${byPart.tuning.length}, heldout ${byPart.heldout.length}`);
}

main();
