/**
 * table/ — recognising the case table in a sheet's cells: the header row, which column is which, the case rows.
 * Knows no Office: it reads a grid of values, from Excel, a CSV or an XLSX file alike.
 */
export * from "./table";
export * from "./case-pool";
