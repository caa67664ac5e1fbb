/**
 * What every FAQ column's module is given: the case, its similar filled rows, the sheet's vocabulary,
 * and what the category columns made of the case (its guidebook item, how much to trust thin cases).
 */
import type { CaseRow, ColumnMap, TaxonomyItem } from "../types";
import type { Neighbour } from "./neighbours";
import type { Situation } from "./situation";
import type { SheetVocabulary } from "./vocabulary";

export interface ColumnInput {
  row: CaseRow;
  /** Similar filled rows, most similar first. */
  neighbours: Neighbour[];
  vocabulary: SheetVocabulary;
  /** Where the sheet's columns are: a column the sheet lacks gets no suggestion. */
  columns: ColumnMap;
  /** The guidebook item of the case's most likely category, when one is likely enough. */
  topItem: TaxonomyItem | undefined;
  /** 0.4 for a case that says too little to suggest with confidence, else 1. */
  damp: number;
  /** What the client did or lost, on what, whose (read from the client's words). */
  situation: Situation;
}
