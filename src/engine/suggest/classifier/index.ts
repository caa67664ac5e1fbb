/**
 * The shipped category model, loaded once on first use (the JSON is part of the bundle and the CLI).
 */
import modelFile from "./category-model.json";
import { CategoryModel, type CategoryModelFile } from "./model";

let shipped: CategoryModel | undefined;

export function shippedCategoryModel(): CategoryModel {
  if (!shipped) shipped = CategoryModel.load(modelFile as unknown as CategoryModelFile);
  return shipped;
}

export { CategoryModel, MODEL_FORMAT, MODEL_VERSION, type CategoryModelFile, type ClassProbability } from "./model";
export { analyseCase, caseFeatures, type AnalysedToken, type FeatureVector, type TextPart } from "./features";
