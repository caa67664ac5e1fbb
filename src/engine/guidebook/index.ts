/**
 * guidebook/ — the desk's guidebook as data: the Mission 1 taxonomy, its countermeasures and contact points,
 * and how a sheet's category cell maps to a taxonomy item.
 */
export * from "./taxonomy";
export * from "./taxonomy-id";
export * from "./advice";
