/** tiny-segmenter, created once. Only the selected row and a few neighbours are ever segmented. */
import TinySegmenter from "tiny-segmenter";

let segmenter: TinySegmenter | undefined;

export function segment(text: string): string[] {
  if (!segmenter) segmenter = new TinySegmenter();
  return segmenter.segment(text);
}
