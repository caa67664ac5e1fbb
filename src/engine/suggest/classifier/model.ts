/**
 * The learned category model at run time: a linear classifier over `caseFeatures`, shipped as a
 * compact JSON file (`src/engine/suggest/classifier/category-model.json`, produced by `npm run train`). Scores go
 * through a softmax with the temperature fitted on cross-validated predictions, so a shown 70% is
 * right about 70% of the time on cases like the training corpus.
 */
import type { FeatureSettings, FeatureVector } from "./features";

export const MODEL_FORMAT = "faq-assist/category-model";
export const MODEL_VERSION = 1;

/** The file as `npm run train` writes it. */
export interface CategoryModelFile {
  format: typeof MODEL_FORMAT;
  version: number;
  /** What the model is and what it was trained on (for people; the loader ignores it). */
  about: Record<string, unknown>;
  settings: FeatureSettings & { partWeights: { subject: number; body: number; reply: number } };
  /** Category ids in the order of the weight columns. */
  classes: string[];
  /** Softmax temperature (scores are divided by it). */
  temperature: number;
  /** Temperature for cases with little text (fitted on the tuning cases' subjects alone). */
  shortTemperature: number;
  /** A stored integer q stands for the weight q × scale. */
  scale: number;
  bias: number[];
  /** Feature names, sorted; the n-th feature's weights are the n-th record of `weights`. */
  features: string[];
  /**
   * Base64 of, per feature: one byte with the number of classes it has a weight for, then per
   * class one byte with the class index and two bytes (int16, little endian) with q.
   */
  weights: string;
}

export interface ClassProbability {
  id: string;
  probability: number;
}

function decodeBase64(text: string): Uint8Array {
  if (typeof Buffer !== "undefined") return new Uint8Array(Buffer.from(text, "base64"));
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

export class CategoryModel {
  readonly classes: readonly string[];
  readonly temperature: number;
  readonly shortTemperature: number;
  readonly settings: CategoryModelFile["settings"];
  private readonly bias: Float64Array;
  /** Feature name → its position; feature f's entries are `entryStart[f]` … `entryStart[f + 1] - 1`. */
  private readonly position = new Map<string, number>();
  private readonly entryStart: Int32Array;
  private readonly entryClass: Uint8Array;
  private readonly entryWeight: Float32Array;

  private constructor(file: CategoryModelFile) {
    this.classes = file.classes;
    this.temperature = file.temperature;
    this.shortTemperature = file.shortTemperature;
    this.settings = file.settings;
    this.bias = Float64Array.from(file.bias, (q) => q * file.scale);
    // Flat typed arrays: a few allocations in all, whatever the number of features.
    const bytes = decodeBase64(file.weights);
    const entries = Math.max(0, (bytes.length - file.features.length) / 3);
    this.entryStart = new Int32Array(file.features.length + 1);
    this.entryClass = new Uint8Array(entries);
    this.entryWeight = new Float32Array(entries);
    let at = 0;
    let entry = 0;
    for (let f = 0; f < file.features.length; f++) {
      this.position.set(file.features[f], f);
      this.entryStart[f] = entry;
      const n = bytes[at++];
      for (let j = 0; j < n && entry < entries; j++, entry++, at += 3) {
        this.entryClass[entry] = bytes[at];
        this.entryWeight[entry] = (((bytes[at + 1] | (bytes[at + 2] << 8)) << 16) >> 16) * file.scale;
      }
    }
    this.entryStart[file.features.length] = entry;
    if (at !== bytes.length || entry !== entries) throw new Error("category model: weights do not match the feature list");
  }

  static load(file: CategoryModelFile): CategoryModel {
    if (file.format !== MODEL_FORMAT) throw new Error(`category model: unknown format ${String(file.format)}`);
    if (file.version !== MODEL_VERSION) throw new Error(`category model: version ${file.version}, expected ${MODEL_VERSION}`);
    if (file.bias.length !== file.classes.length) throw new Error("category model: one bias per class expected");
    if (!(file.temperature > 0) || !(file.shortTemperature > 0)) throw new Error("category model: temperatures must be positive");
    return new CategoryModel(file);
  }

  get featureCount(): number {
    return this.position.size;
  }

  /** Raw linear scores, one per class (before temperature). */
  scores(vector: FeatureVector): Float64Array {
    const out = Float64Array.from(this.bias);
    for (const [feature, value] of vector) {
      const f = this.position.get(feature);
      if (f === undefined) continue;
      for (let e = this.entryStart[f]; e < this.entryStart[f + 1]; e++) out[this.entryClass[e]] += value * this.entryWeight[e];
    }
    return out;
  }

  /** Calibrated probabilities, best first. */
  predict(vector: FeatureVector, temperature = this.temperature): ClassProbability[] {
    return softmax(this.scores(vector), temperature)
      .map((probability, i) => ({ id: this.classes[i], probability }))
      .sort((a, b) => b.probability - a.probability || (a.id < b.id ? -1 : 1));
  }

  /** How much a feature pushes one class up against the average class. */
  weightFor(feature: string, classIndex: number): number {
    const f = this.position.get(feature);
    if (f === undefined) return 0;
    for (let e = this.entryStart[f]; e < this.entryStart[f + 1]; e++) if (this.entryClass[e] === classIndex) return this.entryWeight[e];
    return 0;
  }
}

export function softmax(scores: ArrayLike<number>, temperature = 1): number[] {
  let max = -Infinity;
  for (let i = 0; i < scores.length; i++) max = Math.max(max, scores[i] / temperature);
  const exps = Array.from({ length: scores.length }, (_, i) => Math.exp(scores[i] / temperature - max));
  const total = exps.reduce((a, b) => a + b, 0);
  return exps.map((e) => e / total);
}
