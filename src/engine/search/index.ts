/**
 * search/ — finding past cases: the character-bigram tf-idf index (also the suggestions' similar-row index)
 * and the search over every case row, filled or not, spread over the query's likely categories.
 */
export * from "./bigram-index";
export * from "./search";
