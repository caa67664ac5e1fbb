/**
 * npm run bench [-- 10000 50000]
 * Prints, per sheet size: tiny-segmenter alone over every row's text, the engine's time until it can
 * serve suggestions (readCaseTable + build), their ratio (target ≤ 0.15), suggest p50/p95 and peak memory.
 */
import * as os from "os";
import { readCaseTable, SuggestionEngine, type CaseRow } from "../src/engine";
import { loadNodeMorphology } from "../src/engine/morphology-node";
import { segment } from "../src/engine/segment";
import { loadSample, syntheticGrid } from "./synthetic";

let peakRss = 0;
let peakHeap = 0;
function sampleMemory(): void {
  const m = process.memoryUsage();
  peakRss = Math.max(peakRss, m.rss);
  peakHeap = Math.max(peakHeap, m.heapUsed);
}

function rowText(row: CaseRow): string {
  const c = row.cells;
  return [c.subject, c.content, c.consultNote, c.response, c.followUp].filter(Boolean).join("\n");
}

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((sorted.length - 1) * p))];
}

const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

async function run(size: number): Promise<void> {
  const sample = loadSample();
  const grid = syntheticGrid(sample, size);
  sampleMemory();

  // The engine: everything from cell texts to the first suggestion being servable.
  const started = performance.now();
  const parsed = readCaseTable(grid);
  if (!parsed.ok) throw new Error("synthetic sheet not recognised");
  const readMs = performance.now() - started;
  const engine = SuggestionEngine.build(parsed.table);
  const serveMs = performance.now() - started;
  sampleMemory();

  // Suggestions for random case rows (first call included: it pays for segmenting that row).
  const rows = parsed.table.rows;
  const times: number[] = [];
  for (let i = 0; i < 300; i++) {
    const row = rows[(i * 7919) % rows.length];
    const t = performance.now();
    engine.suggest(row.rowNumber);
    times.push(performance.now() - t);
    if (i % 50 === 0) sampleMemory();
  }
  times.sort((a, b) => a - b);

  // The same rows with kuromoji loaded, as the pane and the CLI run once its dictionary is in.
  const loadStarted = performance.now();
  const kuromoji = await loadNodeMorphology();
  const loadMs = performance.now() - loadStarted;
  engine.setMorphology(kuromoji);
  const posTimes: number[] = [];
  for (let i = 0; i < 300; i++) {
    const row = rows[(i * 7919) % rows.length];
    const t = performance.now();
    engine.suggest(row.rowNumber);
    posTimes.push(performance.now() - t);
    if (i % 50 === 0) sampleMemory();
  }
  posTimes.sort((a, b) => a - b);

  // The reference: tiny-segmenter alone over every row's text.
  const segStarted = performance.now();
  let tokens = 0;
  for (const row of rows) tokens += segment(rowText(row)).length;
  const segmentMs = performance.now() - segStarted;
  sampleMemory();

  const filled = engine.filledCounts().category;
  console.log(`rows=${size} (filled ${filled})`);
  console.log(`  tiny-segmenter alone: ${segmentMs.toFixed(0)} ms (${tokens} tokens)`);
  console.log(`  engine time-to-serve: ${serveMs.toFixed(0)} ms (readCaseTable ${readMs.toFixed(0)} ms + build ${(serveMs - readMs).toFixed(0)} ms)`);
  console.log(`  ratio: ${(serveMs / segmentMs).toFixed(3)} (target ≤ 0.15)`);
  console.log(`  suggest: p50 ${percentile(times, 0.5).toFixed(1)} ms, p95 ${percentile(times, 0.95).toFixed(1)} ms, max ${times[times.length - 1].toFixed(1)} ms`);
  console.log(
    `  suggest with kuromoji: p50 ${percentile(posTimes, 0.5).toFixed(1)} ms, p95 ${percentile(posTimes, 0.95).toFixed(1)} ms, max ${posTimes[posTimes.length - 1].toFixed(1)} ms` +
      (loadMs > 50 ? ` (dictionary loaded in ${loadMs.toFixed(0)} ms, not counted)` : ""),
  );
  console.log(`  peak memory so far: rss ${mb(peakRss)}, heap ${mb(peakHeap)}`);
}

const sizes = process.argv.slice(2).map(Number).filter((n) => n > 0);
console.log(`node ${process.version}, ${os.cpus().length} CPU(s): ${os.cpus()[0]?.model ?? "?"}`);
void (async () => {
  for (const size of sizes.length > 0 ? sizes : [10000, 50000]) await run(size);
})();
