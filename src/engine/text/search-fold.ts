/**
 * How search sees text, on the published FAQ page and in the pane's 検索 alike (issue 13): NFKC width
 * folding, lower case, katakana as hiragana (ランサム = らんさむ), one dash; spaces collapsed.
 * Self-contained (no outside reference): the published page embeds this function's own source.
 */
export function foldSearchText(text: string): string {
  return text
    .normalize("NFKC")
    .toLowerCase()
    .replace(/[\u30a1-\u30f6]/g, (c) => String.fromCharCode(c.charCodeAt(0) - 0x60))
    .replace(/[‐‑‒–—―−]/g, "-")
    .replace(/[\s\u3000]+/g, " ")
    .trim();
}

