/** The guidebook's advice as data: steps per Mission 1 item and situation, contacts, sources. */
export * from "./types";
export { ADVICE_STEPS, ITEM_CASE_NAMES } from "./steps";
export { ADVICE_CONTACTS } from "./contacts";
export { SOURCES } from "./sources";
