import { parseAreas, parseRange, qualifiedAddress, rangeAddress, withoutSheetNames } from "../../src/workbook/a1-address";

describe("A1 addresses in every form Excel hands out", () => {
  it("parses cells and ranges, with or without (quoted) sheet names and $ signs", () => {
    expect(parseRange("L5")).toEqual({ sheetName: undefined, top: 5, left: 12, bottom: 5, right: 12 });
    expect(parseRange("'My ''sheet'''!$B$7:$D$3")).toEqual({ sheetName: "My 'sheet'", top: 3, left: 2, bottom: 7, right: 4 });
  });

  it("parses whole rows (clicking a row number) and whole columns", () => {
    expect(parseRange("Sheet1!5:5")).toEqual({ sheetName: "Sheet1", top: 5, left: 1, bottom: 5, right: 16_384 });
    expect(parseRange("$5:$7")).toMatchObject({ top: 5, bottom: 7, left: 1, right: 16_384 });
    expect(parseRange("A:A")).toMatchObject({ top: 1, bottom: 1_048_576, left: 1, right: 1 });
    expect(parseRange("$K:$O")).toMatchObject({ left: 11, right: 15 });
  });

  it("parses lists of areas (a Ctrl+click selection), carrying the sheet name forward", () => {
    expect(parseAreas("Sheet1!A1:B2,C3")).toEqual([
      { sheetName: "Sheet1", top: 1, left: 1, bottom: 2, right: 2 },
      { sheetName: "Sheet1", top: 3, left: 3, bottom: 3, right: 3 },
    ]);
    expect(parseAreas("'a,b'!A1, 'a,b'!5:5")).toHaveLength(2);
    expect(withoutSheetNames("Sheet1!A1:B2, Sheet1!C3")).toEqual(["A1:B2", "C3"]);
  });

  it("rejects what is not a reference", () => {
    for (const bad of ["", "5", "A", "A5:7", "XFE1", "A1048577", "A1:B2:C3", "名前"]) expect(() => parseRange(bad)).toThrow();
  });

  it("writes addresses as Excel does", () => {
    expect(rangeAddress({ top: 5, left: 1, bottom: 5, right: 16_384 })).toBe("5:5");
    expect(rangeAddress({ top: 1, left: 2, bottom: 1_048_576, right: 4 })).toBe("B:D");
    expect(rangeAddress({ top: 3, left: 2, bottom: 3, right: 2 })).toBe("B3");
    expect(qualifiedAddress("相談 受付", { top: 1, left: 1, bottom: 2, right: 2 })).toBe("'相談 受付'!A1:B2");
    expect(qualifiedAddress("Sheet1", { top: 1, left: 1, bottom: 1, right: 1 })).toBe("Sheet1!A1");
  });
});
