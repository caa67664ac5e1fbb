/**
 * faq/ — the FAQ as a whole: checking the filled columns, the backlog of rows still to fill, evaluating the
 * suggestions, and publishing the FAQ page (its model, HTML and sheet) with its texts in both languages.
 */
export * from "./check";
export * from "./backlog";
export * from "./evaluate";
export * from "./quality";
export * from "./faq-page";
export * from "./faq-text";
