/** The .xlsx container check on its own: each limit refuses, with the numbers the message needs. */
import { mkdtempSync, readFileSync, writeFileSync } from "fs";
import { tmpdir } from "os";
import * as path from "path";
import { main } from "../../src/cli/main";
import { checkXlsxArchive, XLSX_LIMITS, XlsxArchiveError, type XlsxProblem } from "../../src/cli/xlsx-archive";
import { bombPart, deflatedPart, workbookParts, zip } from "../support/zip";

async function problemOf(bytes: Buffer, limits = XLSX_LIMITS): Promise<XlsxProblem | undefined> {
  try {
    await checkXlsxArchive(bytes, limits);
    return undefined;
  } catch (error) {
    if (error instanceof XlsxArchiveError) return error.problem;
    throw error;
  }
}

describe("checkXlsxArchive", () => {
  it("accepts real workbooks", async () => {
    for (const file of ["samples/consultations-sample.xlsx", "test/fixtures/cli/stray-cell.xlsx"]) {
      expect(await problemOf(readFileSync(path.join(__dirname, "..", "..", file)))).toBeUndefined();
    }
  });

  it("refuses more parts than the limit", async () => {
    const parts = [...workbookParts(), ...Array.from({ length: 5 }, (_, i) => deflatedPart(`xl/media/image${i}.png`, "x"))];
    expect(await problemOf(zip(parts), { ...XLSX_LIMITS, maxEntries: 4 })).toEqual({ kind: "tooManyParts", parts: 7, limit: 4 });
  });

  it("refuses a total declared size over the limit without inflating anything", async () => {
    // The part's data is not even deflate: the declaration alone decides.
    const part = { name: "xl/sharedStrings.xml", deflated: Buffer.alloc(3 * 1024 * 1024, 7), declaredSize: 300 * 1024 * 1024, crc: 0 };
    expect(await problemOf(zip([...workbookParts(), part]))).toEqual({
      kind: "tooLarge",
      expandedBytes: 300 * 1024 * 1024 + workbookParts().reduce((sum, p) => sum + p.declaredSize, 0),
      limitBytes: 128 * 1024 * 1024,
    });
  });

  it("allows a high ratio in a small part (styles, themes) but not past the grace size", async () => {
    expect(await problemOf(zip([...workbookParts(), bombPart("xl/styles.xml", 1)]))).toBeUndefined();
    expect(await problemOf(zip([...workbookParts(), bombPart("xl/styles.xml", 2)]))).toMatchObject({ kind: "tooCompressed", part: "xl/styles.xml" });
  });

  it("the CLI says how large the file would grow and the limit", async () => {
    const dir = mkdtempSync(path.join(tmpdir(), "faq-assist-large-"));
    const file = path.join(dir, "large.xlsx");
    const part = { name: "xl/sharedStrings.xml", deflated: Buffer.alloc(3 * 1024 * 1024, 7), declaredSize: 300 * 1024 * 1024, crc: 0 };
    writeFileSync(file, zip([...workbookParts(), part]));
    let stderr = "";
    const code = await main(["suggest", "--workbook", file, "--row", "2"], { stdout: () => undefined, stderr: (t) => (stderr += t), env: { LANG: "C" } });
    expect(code).toBe(1);
    expect(stderr).toMatch(/^faq-assist: refusing to read .*large\.xlsx: it would expand to 300 MB, over the 128 MB limit \(the file is damaged or built to exhaust memory\)\n$/);
  });
});
