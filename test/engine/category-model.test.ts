/**
 * The learned category model: the shipped file loads and has the expected shape, it was trained on
 * what the training step reads today, and training is deterministic (same input → same bytes).
 */
import { CategoryModel, MODEL_FORMAT, MODEL_VERSION, caseFeatures, shippedCategoryModel, type CategoryModelFile } from "../../src/engine/suggest/classifier";
import shipped from "../../src/engine/suggest/classifier/category-model.json";
import { tinySegmenterMorphology } from "../../src/engine/text/morphology";
import { TAXONOMY } from "../../src/engine/guidebook/taxonomy";
import { modelPrior } from "../../src/engine/suggest/category";
import { phrasingDocs, taxonomyDocs, trainingDocs } from "../../scripts/train/dataset";
import { serializeModel } from "../../scripts/train/serialize";
import { DEFAULT_TRAIN_SETTINGS, trainCategoryModel, trainingFingerprint } from "../../scripts/train/trainer";
import { servingMorphologies } from "../../scripts/train-category-model";

const file = shipped as unknown as CategoryModelFile;
const ids = TAXONOMY.map((item) => item.id);

describe("the shipped category model", () => {
  it("loads, with one weight column per taxonomy item and a positive temperature", () => {
    const model = shippedCategoryModel();
    expect(file.format).toBe(MODEL_FORMAT);
    expect(file.version).toBe(MODEL_VERSION);
    expect(model.classes).toEqual(ids);
    expect(model.temperature).toBeGreaterThan(0);
    expect(model.featureCount).toBe(file.features.length);
    expect(model.featureCount).toBeGreaterThan(1000);
    expect([...file.features].sort()).toEqual(file.features);
  });

  it("gives a probability for every item, summing to one", () => {
    const vector = caseFeatures([{ text: "ホームページが書き換えられた", weight: 1 }], tinySegmenterMorphology, shippedCategoryModel().settings);
    const probabilities = shippedCategoryModel().predict(vector);
    expect(probabilities.map((p) => p.id).sort()).toEqual([...ids].sort());
    expect(probabilities.reduce((s, p) => s + p.probability, 0)).toBeCloseTo(1, 6);
    expect(probabilities[0].probability).toBeGreaterThanOrEqual(probabilities[1].probability);
  });

  it("is plainly unsure on a case that says nothing about what happened, and sure on a plain one", () => {
    const vague = modelPrior(
      [
        { text: "お問い合わせ", kind: "subject" },
        { text: "先ほどお電話した件です。確認をお願いできますでしょうか。", kind: "body" },
      ],
      tinySegmenterMorphology,
      undefined,
      true,
    );
    expect(vague[0].probability).toBeLessThan(0.3);
    const plain = modelPrior([
      { text: "ファイルが開けない", kind: "subject" },
      { text: "サーバーのファイルが暗号化され、身代金を要求する画面が出た。", kind: "body" },
    ]);
    expect(plain[0].item.id).toBe("1-2");
    expect(plain[0].probability).toBeGreaterThan(0.8);
    expect(plain[0].matchedTerms).toEqual(expect.arrayContaining(["身代金"]));
  });

  it("refuses a file of another format or version instead of guessing", () => {
    expect(() => CategoryModel.load({ ...file, version: MODEL_VERSION + 1 })).toThrow(/version/);
    expect(() => CategoryModel.load({ ...file, format: "something-else" } as unknown as CategoryModelFile)).toThrow(/format/);
    expect(() => CategoryModel.load({ ...file, features: file.features.slice(1) })).toThrow(/weights/);
  });

  it("was trained on what the training step reads today (run `npm run train` after changing phrasings or the tuning corpus)", async () => {
    const expected = trainingFingerprint(trainingDocs(), await servingMorphologies(), DEFAULT_TRAIN_SETTINGS);
    expect(file.about.inputs).toBe(expected);
  });
});

describe("training", () => {
  // A small input: the taxonomy and three phrasings per item, with a few of them posing as tuning cases.
  const docs = [
    ...taxonomyDocs(),
    ...phrasingDocs()
      .filter((d) => Number(d.id.split(":")[2]) <= 3)
      .map((d, i) => (i % 3 === 0 ? { ...d, kind: "tuning" as const, group: `https://example.org/${i % 4}` } : d)),
  ];
  const settings = { ...DEFAULT_TRAIN_SETTINGS, iterations: 25, folds: 2 };
  const first = trainCategoryModel(docs, ids, [tinySegmenterMorphology], settings).file;

  it("is deterministic: the same input gives the same file, byte for byte", () => {
    const again = trainCategoryModel(docs, ids, [tinySegmenterMorphology], settings).file;
    expect(serializeModel(again)).toBe(serializeModel(first));
  });

  it("learns its input: a training phrasing comes back with its own category first", () => {
    const small = first;
    const model = CategoryModel.load(small);
    const probe = docs.find((d) => d.label === "1-6" && d.kind === "phrasing");
    if (!probe) throw new Error("no 1-6 phrasing");
    const vector = caseFeatures(
      [
        { text: probe.subject, weight: small.settings.partWeights.subject },
        { text: probe.body, weight: small.settings.partWeights.body },
      ],
      tinySegmenterMorphology,
      small.settings,
    );
    expect(model.predict(vector)[0].id).toBe("1-6");
  });
});
