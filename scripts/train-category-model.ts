/**
 * npm run train            retrain the category model and write src/engine/suggest/classifier/category-model.json
 * npm run train -- --check exit 1 when the committed model is not what training produces now
 *
 * Trains on the taxonomy, the lay phrasings (scripts/train/phrasings.ts) and eval/corpus/tuning/ only.
 * Deterministic: the same inputs give the same bytes.
 */
import * as path from "node:path";
import { tinySegmenterMorphology, type Morphology } from "../src/engine/text/morphology";
import { loadNodeMorphology } from "../src/engine/text/morphology-node";
import { TAXONOMY } from "../src/engine/guidebook/taxonomy";
import { trainingDocs } from "./train/dataset";
import { DEFAULT_TRAIN_SETTINGS, trainCategoryModel } from "./train/trainer";
import { serializeModel, writeOrCheckModel } from "./train/serialize";

export const MODEL_PATH = path.join(__dirname, "..", "src", "engine", "suggest", "classifier", "category-model.json");

/**
 * The tokenizers the shipped model must serve with: tiny-segmenter (the pane's until kuromoji's
 * dictionary has loaded) and kuromoji. Every training document is featurised with each, so the model
 * knows both tokenizers' word forms.
 */
export async function servingMorphologies(): Promise<Morphology[]> {
  return [tinySegmenterMorphology, await loadNodeMorphology()];
}

async function main(): Promise<void> {
  const started = performance.now();
  const docs = trainingDocs();
  const classes = TAXONOMY.map((item) => item.id);
  const result = trainCategoryModel(docs, classes, await servingMorphologies(), DEFAULT_TRAIN_SETTINGS);
  const text = serializeModel(result.file);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  const counts = result.file.about.trainedOn as Record<string, number>;
  console.log(`trained on ${Object.entries(counts).map(([k, n]) => `${k} ${n}`).join(", ")} in ${seconds} s`);
  if (result.cv) {
    const cv = result.cv;
    console.log(`cross-validated on ${cv.cases} tuning cases: @1 ${(cv.at1 * 100).toFixed(1)}%, @3 ${(cv.at3 * 100).toFixed(1)}%, temperature ${result.file.temperature} (subjects alone: ${result.file.shortTemperature})`);
    const tokenizers = result.file.about.tokenizers as string[];
    console.log(`  @1 per tokenizer: ${cv.at1ByTokenizer.map((x, i) => `${tokenizers[i]} ${(x * 100).toFixed(1)}%`).join(", ")}`);
  }
  console.log(`${result.file.features.length} features, ${(Buffer.byteLength(text) / 1024).toFixed(0)} KB`);
  writeOrCheckModel(MODEL_PATH, text, "category model", "npm run train");
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
}
