import { EngineError, SuggestionEngine, isFaqComplete, listBacklog, listBacklogAsync } from "../../src/engine";
import { sampleTable } from "./seed-named";

describe("backlog ranking", () => {
  it("lists every row whose FAQ columns are not all filled, most confident top category first", () => {
    const table = sampleTable();
    const engine = SuggestionEngine.build(table);
    const items = listBacklog(engine);
    const expected = table.rows.filter((r) => !isFaqComplete(r, table.columns)).map((r) => r.rowNumber);
    expect(items.map((i) => i.rowNumber).sort((a, b) => a - b)).toEqual(expected);
    expect(items.length).toBeGreaterThanOrEqual(38);
    const confidences = items.map((i) => i.confidence);
    expect(confidences).toEqual([...confidences].sort((a, b) => b - a));
    for (const item of items) {
      expect(item.role).toBe("category");
      expect(item.top?.confidence).toBe(item.confidence);
      expect(item.missing).toContain("category");
      expect(item.subject.length).toBeGreaterThan(0);
    }
  });

  it("shows the same top category as the row's own suggestions", () => {
    const engine = SuggestionEngine.build(sampleTable());
    for (const item of listBacklog(engine).slice(0, 12)) {
      const s = engine.suggest(item.rowNumber);
      expect(item.top?.value).toBe(s.category[0].value);
      expect(item.confidence).toBe(s.category[0].confidence);
    }
  });

  it("lists a row filled only in part with what is missing and its current category", () => {
    const table = sampleTable();
    const row = table.rows.find((r) => r.rowNumber === 22)!;
    const rows = table.rows.map((r) => (r === row ? { ...r, cells: { ...r.cells, keywords: "", answer: "" } } : r));
    const engine = SuggestionEngine.build({ ...table, rows });
    const item = listBacklog(engine).find((i) => i.rowNumber === 22)!;
    expect(row.cells.classification).not.toBe("");
    expect(item.missing.sort()).toEqual(["answer", "keywords"]);
    expect(item.current).toBe(row.cells.category);
  });

  it("the async version gives the same list, reports progress and can be cancelled", async () => {
    const engine = SuggestionEngine.build(sampleTable());
    const progress: number[] = [];
    const items = await listBacklogAsync(engine, { onProgress: (p) => progress.push(p.done) });
    expect(items).toEqual(listBacklog(engine));
    expect(progress[progress.length - 1]).toBe(items.length);
    const controller = new AbortController();
    controller.abort();
    await expect(listBacklogAsync(engine, { signal: controller.signal })).rejects.toBeInstanceOf(EngineError);
  });

  it("learns a filled row at once: it leaves the backlog after updateRow", () => {
    const table = sampleTable();
    const engine = SuggestionEngine.build(table);
    const [first] = listBacklog(engine);
    const row = table.rows.find((r) => r.rowNumber === first.rowNumber)!;
    const cells = { ...row.cells, category: first.top!.value, classification: "x", keywords: "a", countermeasures: "b", answer: "c", references: "d" };
    engine.updateRow({ rowNumber: row.rowNumber, cells });
    expect(listBacklog(engine).some((i) => i.rowNumber === first.rowNumber)).toBe(false);
  });
});
