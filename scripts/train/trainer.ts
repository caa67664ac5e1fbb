/**
 * Training the category model: documents → feature vectors → a linear classifier (multinomial
 * logistic regression fitted with L-BFGS, or complement Naive Bayes), a softmax temperature fitted on
 * cross-validated predictions, and the compact file the engine loads. Everything is deterministic:
 * fixed iteration order, no randomness, so the same input always gives the same bytes.
 */
import { createHash } from "node:crypto";
import { caseFeatures, type FeatureSettings, type FeatureVector } from "../../src/engine/suggest/classifier/features";
import { CategoryModel, MODEL_FORMAT, MODEL_VERSION, softmax, type CategoryModelFile } from "../../src/engine/suggest/classifier/model";
import type { Morphology } from "../../src/engine/text/morphology";
import { docParts, NO_CATEGORY, type DocKind, type TrainingDoc } from "./dataset";

export type Learner = "logistic" | "complementNB";

export interface TrainSettings extends FeatureSettings {
  learner: Learner;
  /** L2 penalty of the logistic regression. */
  l2: number;
  /** Features seen in fewer training documents than this are left out. */
  minDocFreq: number;
  /** Additive smoothing of complement Naive Bayes. */
  alpha: number;
  /** Share of the target given to a case's accepted second labels. */
  secondShare: number;
  partWeights: { subject: number; body: number; reply: number };
  /** How much each kind of document counts. */
  kindWeights: Record<DocKind, number>;
  /** The shipped file keeps only this many (feature, class) weights: the largest after centring. */
  maxEntries: number;
  /** Folds of the cross-validation that fits the temperature. */
  folds: number;
  /** Experiments only: reshuffles which sources share a fold (repeated cross-validation). */
  foldSalt?: string;
  iterations: number;
}

export const DEFAULT_TRAIN_SETTINGS: TrainSettings = {
  learner: "logistic",
  wordWeight: 0.8,
  maxGram: 3,
  words: "subject",
  minDocFreq: 2,
  l2: 3e-5,
  alpha: 0.3,
  secondShare: 0.2,
  partWeights: { subject: 1.5, body: 1, reply: 0.5 },
  kindWeights: { taxonomy: 1, keywords: 1, phrasing: 1, review: 1, neutral: 1, tuning: 1 },
  maxEntries: 20000,
  folds: 5,
  iterations: 300,
};

export interface Example {
  doc: TrainingDoc;
  /** One vector per tokenizer the model must serve with (they share the character block). */
  vectors: FeatureVector[];
  /** Tuning cases only: the subject alone, standing in for the thin cases a desk also gets. */
  subjectVectors: FeatureVector[];
}

export function featurize(docs: readonly TrainingDoc[], morphologies: readonly Morphology[], settings: TrainSettings): Example[] {
  return docs.map((doc) => ({
    doc,
    vectors: morphologies.map((m) => caseFeatures(docParts(doc, settings.partWeights), m, settings)),
    subjectVectors:
      doc.kind === "tuning" ? morphologies.map((m) => caseFeatures([{ text: doc.subject, weight: settings.partWeights.subject }], m, settings)) : [],
  }));
}

/** Dense weights of a trained linear model: scores = W·x + b. */
export interface LinearWeights {
  classes: string[];
  features: string[];
  /** features.length × classes.length, row-major. */
  w: Float64Array;
  b: Float64Array;
}

interface SparseRow {
  idx: Int32Array;
  val: Float64Array;
  target: Float64Array;
  weight: number;
}

function targetOf(doc: TrainingDoc, classIndex: Map<string, number>, secondShare: number): Float64Array {
  const t = new Float64Array(classIndex.size);
  if (doc.label === NO_CATEGORY) return t.fill(1 / classIndex.size);
  const seconds = doc.alsoAccepted.filter((id) => classIndex.has(id) && id !== doc.label);
  const main = seconds.length > 0 ? 1 - secondShare : 1;
  t[classIndex.get(doc.label) as number] = main;
  for (const id of seconds) t[classIndex.get(id) as number] += secondShare / seconds.length;
  return t;
}

function buildRows(examples: readonly Example[], classes: readonly string[], settings: TrainSettings): { rows: SparseRow[]; features: string[] } {
  const classIndex = new Map(classes.map((c, i) => [c, i]));
  const docFreq = new Map<string, number>();
  for (const ex of examples) {
    const seen = new Set<string>();
    for (const v of ex.vectors) for (const key of v.keys()) seen.add(key);
    for (const key of seen) docFreq.set(key, (docFreq.get(key) ?? 0) + 1);
  }
  const features = [...docFreq.entries()]
    .filter(([, n]) => n >= settings.minDocFreq)
    .map(([key]) => key)
    .sort();
  const featureIndex = new Map(features.map((f, i) => [f, i]));
  const rows: SparseRow[] = [];
  for (const ex of examples) {
    const weight = settings.kindWeights[ex.doc.kind] / ex.vectors.length;
    const target = targetOf(ex.doc, classIndex, settings.secondShare);
    for (const v of ex.vectors) {
      const entries = [...v.entries()]
        .filter(([k]) => featureIndex.has(k))
        .map(([k, x]) => [featureIndex.get(k) as number, x] as const)
        .sort((a, b) => a[0] - b[0]);
      rows.push({ idx: Int32Array.from(entries, (e) => e[0]), val: Float64Array.from(entries, (e) => e[1]), target, weight });
    }
  }
  return { rows, features };
}

/** Loss and gradient of weighted softmax cross-entropy with an L2 penalty on W (not on b). */
function lossAndGradient(params: Float64Array, grad: Float64Array, rows: readonly SparseRow[], F: number, K: number, l2: number): number {
  grad.fill(0);
  const biasAt = F * K;
  let totalWeight = 0;
  for (const r of rows) totalWeight += r.weight;
  let loss = 0;
  const z = new Float64Array(K);
  for (const r of rows) {
    for (let k = 0; k < K; k++) z[k] = params[biasAt + k];
    for (let j = 0; j < r.idx.length; j++) {
      const base = r.idx[j] * K;
      const x = r.val[j];
      for (let k = 0; k < K; k++) z[k] += params[base + k] * x;
    }
    let max = -Infinity;
    for (let k = 0; k < K; k++) max = Math.max(max, z[k]);
    let sum = 0;
    for (let k = 0; k < K; k++) sum += Math.exp(z[k] - max);
    const lse = max + Math.log(sum);
    const s = r.weight / totalWeight;
    for (let k = 0; k < K; k++) {
      const p = Math.exp(z[k] - lse);
      if (r.target[k] > 0) loss -= s * r.target[k] * (z[k] - lse);
      z[k] = s * (p - r.target[k]);
    }
    for (let k = 0; k < K; k++) grad[biasAt + k] += z[k];
    for (let j = 0; j < r.idx.length; j++) {
      const base = r.idx[j] * K;
      const x = r.val[j];
      for (let k = 0; k < K; k++) grad[base + k] += z[k] * x;
    }
  }
  for (let i = 0; i < biasAt; i++) {
    loss += 0.5 * l2 * params[i] * params[i];
    grad[i] += l2 * params[i];
  }
  return loss;
}

function dot(a: Float64Array, b: Float64Array): number {
  let s = 0;
  for (let i = 0; i < a.length; i++) s += a[i] * b[i];
  return s;
}

/** Limited-memory BFGS with a backtracking (Armijo) line search. */
function lbfgs(fg: (x: Float64Array, g: Float64Array) => number, x: Float64Array, iterations: number, memory = 10): Float64Array {
  const n = x.length;
  const g = new Float64Array(n);
  let f = fg(x, g);
  const S: Float64Array[] = [];
  const Y: Float64Array[] = [];
  const rho: number[] = [];
  const d = new Float64Array(n);
  const xNew = new Float64Array(n);
  const gNew = new Float64Array(n);
  const alphas = new Float64Array(memory);
  for (let it = 0; it < iterations; it++) {
    // Two-loop recursion: d = −H·g.
    d.set(g);
    for (let i = S.length - 1; i >= 0; i--) {
      const s = S[i];
      const y = Y[i];
      const a = rho[i] * dot(s, d);
      alphas[i] = a;
      for (let j = 0; j < n; j++) d[j] -= a * y[j];
    }
    if (S.length > 0) {
      const y = Y[S.length - 1];
      const gamma = 1 / (rho[S.length - 1] * dot(y, y));
      for (let j = 0; j < n; j++) d[j] *= gamma;
    } else {
      const norm = Math.sqrt(dot(g, g)) || 1;
      for (let j = 0; j < n; j++) d[j] /= norm;
    }
    for (let i = 0; i < S.length; i++) {
      const s = S[i];
      const beta = rho[i] * dot(Y[i], d);
      const c = alphas[i] - beta;
      for (let j = 0; j < n; j++) d[j] += s[j] * c;
    }
    for (let j = 0; j < n; j++) d[j] = -d[j];
    let slope = dot(g, d);
    if (slope >= 0) {
      // Not a descent direction: forget the curvature pairs and follow the gradient.
      S.length = 0;
      Y.length = 0;
      rho.length = 0;
      for (let j = 0; j < n; j++) d[j] = -g[j];
      slope = dot(g, d);
    }
    let step = 1;
    let fNew = Infinity;
    for (let tries = 0; tries < 20; tries++) {
      for (let j = 0; j < n; j++) xNew[j] = x[j] + step * d[j];
      fNew = fg(xNew, gNew);
      if (fNew <= f + 1e-4 * step * slope) break;
      step *= 0.5;
    }
    if (!(fNew < f)) break;
    // Reuse the oldest pair's arrays once the memory is full.
    const s = S.length === memory ? (S.shift() as Float64Array) : new Float64Array(n);
    const y = Y.length === memory ? (Y.shift() as Float64Array) : new Float64Array(n);
    if (rho.length === memory) rho.shift();
    for (let j = 0; j < n; j++) {
      s[j] = xNew[j] - x[j];
      y[j] = gNew[j] - g[j];
    }
    const converged = f - fNew < 1e-9 * Math.max(1, Math.abs(f));
    x.set(xNew);
    g.set(gNew);
    f = fNew;
    const sy = dot(s, y);
    if (sy > 1e-12) {
      S.push(s);
      Y.push(y);
      rho.push(1 / sy);
    }
    if (converged) break;
  }
  return x;
}

function trainLogistic(rows: readonly SparseRow[], F: number, K: number, settings: TrainSettings): { w: Float64Array; b: Float64Array } {
  const params = new Float64Array(F * K + K);
  lbfgs((x, g) => lossAndGradient(x, g, rows, F, K, settings.l2), params, settings.iterations);
  return { w: params.subarray(0, F * K), b: params.slice(F * K) };
}

/** Weight-normalised complement Naive Bayes (Rennie et al. 2003). */
function trainComplementNB(rows: readonly SparseRow[], F: number, K: number, settings: TrainSettings): { w: Float64Array; b: Float64Array } {
  const perClass = new Float64Array(F * K);
  const total = new Float64Array(F);
  for (const r of rows) {
    for (let j = 0; j < r.idx.length; j++) {
      const v = r.val[j] * r.weight;
      total[r.idx[j]] += v;
      for (let k = 0; k < K; k++) if (r.target[k] > 0) perClass[r.idx[j] * K + k] += v * r.target[k];
    }
  }
  let grand = 0;
  for (let f = 0; f < F; f++) grand += total[f];
  const w = new Float64Array(F * K);
  for (let k = 0; k < K; k++) {
    let classTotal = 0;
    for (let f = 0; f < F; f++) classTotal += perClass[f * K + k];
    const denominator = grand - classTotal + settings.alpha * F;
    let norm = 0;
    for (let f = 0; f < F; f++) {
      const theta = (total[f] - perClass[f * K + k] + settings.alpha) / denominator;
      w[f * K + k] = Math.log(theta);
      norm += Math.abs(w[f * K + k]);
    }
    // A feature frequent outside the class argues against it: score = −Σ x·w/|w|.
    for (let f = 0; f < F; f++) w[f * K + k] = (-w[f * K + k] / norm) * F;
  }
  return { w, b: new Float64Array(K) };
}

export function trainLinear(examples: readonly Example[], classes: readonly string[], settings: TrainSettings): LinearWeights {
  const { rows, features } = buildRows(examples, classes, settings);
  const F = features.length;
  const K = classes.length;
  const { w, b } = settings.learner === "logistic" ? trainLogistic(rows, F, K, settings) : trainComplementNB(rows, F, K, settings);
  // Softmax ignores a constant added to one feature's weights for every class: centre them, so what
  // is left says how the feature moves classes apart and small entries can be dropped.
  for (let f = 0; f < F; f++) {
    let mean = 0;
    for (let k = 0; k < K; k++) mean += w[f * K + k];
    mean /= K;
    for (let k = 0; k < K; k++) w[f * K + k] -= mean;
  }
  let meanB = 0;
  for (let k = 0; k < K; k++) meanB += b[k];
  meanB /= K;
  for (let k = 0; k < K; k++) b[k] -= meanB;
  return { classes: [...classes], features, w: Float64Array.from(w), b: Float64Array.from(b) };
}

/** Fold of a source group: a fixed hash, so folds never depend on file order. */
export function foldOf(group: string, folds: number): number {
  return createHash("sha256").update(group).digest().readUInt32BE(0) % folds;
}

export interface CrossValidated {
  doc: TrainingDoc;
  /** Raw scores (before temperature), one array per tokenizer. */
  scores: Float64Array[];
  /** The same for the subject alone. */
  subjectScores: Float64Array[];
}

/**
 * Out-of-fold scores for the tuning cases: each fold's cases are scored by a model trained on
 * everything else (taxonomy, phrasings and the other folds) except the review phrasings.
 */
export function crossValidate(examples: readonly Example[], classes: readonly string[], settings: TrainSettings): CrossValidated[] {
  const out: CrossValidated[] = [];
  const tuning = examples.filter((ex) => ex.doc.kind === "tuning");
  for (let fold = 0; fold < settings.folds; fold++) {
    const held = tuning.filter((ex) => foldOf(ex.doc.group + (settings.foldSalt ?? ""), settings.folds) === fold);
    if (held.length === 0) continue;
    const heldIds = new Set(held.map((ex) => ex.doc.id));
    // Phrasings written while reading these cases' misses would leak them into their own validation.
    const model = trainLinear(
      examples.filter((ex) => !heldIds.has(ex.doc.id) && ex.doc.kind !== "review"),
      classes,
      settings,
    );
    // Score with the model as it would be shipped (pruned and quantised), so the fitted temperature
    // and the figures describe the file, not the unpruned weights.
    const shipped = CategoryModel.load(encodeModel(model, { full: 1, short: 1 }, settings, {}));
    for (const ex of held) {
      out.push({ doc: ex.doc, scores: ex.vectors.map((v) => shipped.scores(v)), subjectScores: ex.subjectVectors.map((v) => shipped.scores(v)) });
    }
  }
  return out.sort((a, b) => (a.doc.id < b.doc.id ? -1 : a.doc.id > b.doc.id ? 1 : 0));
}

function isHit(doc: TrainingDoc, id: string): boolean {
  return id === doc.label || doc.alsoAccepted.includes(id);
}

/** Negative log-likelihood of the accepted labels under softmax(scores / T). */
function nll(predictions: readonly CrossValidated[], classes: readonly string[], temperature: number): number {
  let total = 0;
  let n = 0;
  for (const p of predictions) {
    for (const s of p.scores) {
      const probs = softmax(s, temperature);
      let hit = 0;
      classes.forEach((id, i) => {
        if (isHit(p.doc, id)) hit += probs[i];
      });
      total -= Math.log(Math.max(hit, 1e-12));
      n++;
    }
  }
  return n > 0 ? total / n : 0;
}

/** The temperature that makes cross-validated confidences honest (golden-section search on log T). */
export function fitTemperature(predictions: readonly CrossValidated[], classes: readonly string[]): number {
  if (predictions.length < 10) return 1;
  let lo = Math.log(1e-4);
  let hi = Math.log(100);
  const ratio = (Math.sqrt(5) - 1) / 2;
  for (let i = 0; i < 60; i++) {
    const a = hi - ratio * (hi - lo);
    const b = lo + ratio * (hi - lo);
    if (nll(predictions, classes, Math.exp(a)) <= nll(predictions, classes, Math.exp(b))) hi = b;
    else lo = a;
  }
  return Math.round(Math.exp((lo + hi) / 2) * 1000) / 1000;
}

export interface CvSummary {
  cases: number;
  at1: number;
  at3: number;
  nll: number;
  /** Per tokenizer: @1 over the same cases. */
  at1ByTokenizer: number[];
}

export function summarize(predictions: readonly CrossValidated[], classes: readonly string[], temperature: number): CvSummary {
  let at1 = 0;
  let at3 = 0;
  let n = 0;
  const byTok: number[] = [];
  for (const p of predictions) {
    p.scores.forEach((s, t) => {
      const order = [...s.keys()].sort((x, y) => s[y] - s[x]);
      const hit1 = isHit(p.doc, classes[order[0]]);
      const hit3 = order.slice(0, 3).some((i) => isHit(p.doc, classes[i]));
      if (hit1) at1++;
      if (hit3) at3++;
      byTok[t] = (byTok[t] ?? 0) + (hit1 ? 1 : 0);
      n++;
    });
  }
  const perTok = predictions.length;
  return {
    cases: perTok,
    at1: n ? at1 / n : 0,
    at3: n ? at3 / n : 0,
    nll: nll(predictions, classes, temperature),
    at1ByTokenizer: byTok.map((x) => (perTok ? x / perTok : 0)),
  };
}

/** The smallest |weight| that survives when only the `maxEntries` largest are kept. */
function pruneThreshold(w: Float64Array, maxEntries: number): number {
  if (w.length <= maxEntries) return 0;
  const magnitudes = Float64Array.from(w, Math.abs).sort();
  return magnitudes[magnitudes.length - maxEntries];
}

/** The shipped file: the largest centred weights, as int16 with one scale. */
export function encodeModel(
  model: LinearWeights,
  temperature: { full: number; short: number },
  settings: TrainSettings,
  about: Record<string, unknown>,
): CategoryModelFile {
  const K = model.classes.length;
  let maxAbs = 0;
  for (const v of model.w) maxAbs = Math.max(maxAbs, Math.abs(v));
  for (const v of model.b) maxAbs = Math.max(maxAbs, Math.abs(v));
  const scale = Number(((maxAbs || 1) / 32000).toPrecision(6));
  const threshold = Math.max(pruneThreshold(model.w, settings.maxEntries), scale);
  const bytes: number[] = [];
  const features: string[] = [];
  model.features.forEach((feature, f) => {
    const entries: [number, number][] = [];
    for (let k = 0; k < K; k++) {
      const v = model.w[f * K + k];
      if (Math.abs(v) >= threshold) entries.push([k, Math.round(v / scale)]);
    }
    if (entries.length === 0) return;
    features.push(feature);
    bytes.push(entries.length);
    for (const [k, q] of entries) bytes.push(k, q & 0xff, (q >> 8) & 0xff);
  });
  return {
    format: MODEL_FORMAT,
    version: MODEL_VERSION,
    about,
    settings: { wordWeight: settings.wordWeight, maxGram: settings.maxGram, words: settings.words, partWeights: { ...settings.partWeights } },
    classes: [...model.classes],
    temperature: temperature.full,
    shortTemperature: temperature.short,
    scale,
    bias: Array.from(model.b, (v) => Math.round(v / scale)),
    features,
    weights: Buffer.from(Uint8Array.from(bytes)).toString("base64"),
  };
}

export interface TrainResult {
  file: CategoryModelFile;
  cv: CvSummary | undefined;
  predictions: CrossValidated[];
}

/** Cross-validation (for the temperature), then the final fit on everything, then the file. */
export function trainCategoryModel(
  docs: readonly TrainingDoc[],
  classes: readonly string[],
  morphologies: readonly Morphology[],
  settings: TrainSettings = DEFAULT_TRAIN_SETTINGS,
): TrainResult {
  const examples = featurize(docs, morphologies, settings);
  const predictions = crossValidate(examples, classes, settings);
  const temperature = fitTemperature(predictions, classes);
  // Thin cases: the subjects alone, scored by the same out-of-fold models, get their own temperature.
  const shortTemperature = fitTemperature(
    predictions.map((p) => ({ ...p, scores: p.subjectScores })),
    classes,
  );
  const cv = predictions.length > 0 ? summarize(predictions, classes, temperature) : undefined;
  const model = trainLinear(examples, classes, settings);
  const counts: Record<string, number> = {};
  for (const d of docs) counts[d.kind] = (counts[d.kind] ?? 0) + 1;
  const about = {
    inputs: trainingFingerprint(docs, morphologies, settings),
    learner: settings.learner === "logistic" ? "multinomial logistic regression (L-BFGS, L2)" : "complement Naive Bayes",
    features: "word tokens + character 2/3-grams of NFKC text; 1+ln tf; each block unit length",
    tokenizers: morphologies.map((m) => m.name),
    trainedOn: counts,
    l2: settings.l2,
    maxEntries: settings.maxEntries,
    crossValidation: cv
      ? { folds: settings.folds, cases: cv.cases, at1: round(cv.at1), at3: round(cv.at3), nll: round(cv.nll), at1ByTokenizer: cv.at1ByTokenizer.map(round) }
      : null,
  };
  return { file: encodeModel(model, { full: temperature, short: shortTemperature }, settings, about), cv, predictions };
}

/**
 * A hash of everything training reads (documents, tokenizers, settings): a test compares it with the
 * shipped model's, so a change to the phrasings or the tuning corpus cannot go unnoticed without
 * retraining.
 */
export function trainingFingerprint(docs: readonly TrainingDoc[], morphologies: readonly Morphology[], settings: TrainSettings): string {
  const hash = createHash("sha256");
  hash.update(JSON.stringify({ settings, tokenizers: morphologies.map((m) => m.name), version: MODEL_VERSION }));
  for (const d of docs) hash.update(JSON.stringify([d.id, d.kind, d.label, d.alsoAccepted, d.subject, d.body, d.group]));
  return hash.digest("hex").slice(0, 16);
}

function round(x: number): number {
  return Math.round(x * 1000) / 1000;
}
