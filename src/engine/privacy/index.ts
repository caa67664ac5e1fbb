/**
 * privacy/ — the one detector of private data (names, companies, phone numbers, e-mails, addresses) and the
 * masking every output uses: suggested drafts, the check and the published FAQ page all call it.
 */
export * from "./detector";
export * from "./everyday-words";
export * from "./privacy";
export * from "./privacy-names";
export * from "./privacy-public";
export * from "./faq-privacy";
export { clearTokenCache } from "./token-cache";
