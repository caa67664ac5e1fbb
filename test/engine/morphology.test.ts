import * as fs from "node:fs";
import * as path from "node:path";
import * as zlib from "node:zlib";
import TokenInfoDictionary from "kuromoji/src/dict/TokenInfoDictionary";
import { lazyTargetMap } from "../../src/engine/text/morphology-kuromoji";
import { properNounKind, tinySegmenterMorphology, type Morphology } from "../../src/engine/text/morphology";
import { kuromojiDictionaryDir, loadNodeMorphology } from "../../src/engine/text/morphology-node";

// One dictionary load for the whole file (about a second, ~100 MB).
let kuromoji: Morphology;
beforeAll(async () => {
  kuromoji = await loadNodeMorphology();
}, 60_000);

describe("Node loader", () => {
  it("loads kuromoji from the installed package, once per process", async () => {
    expect(kuromoji.name).toBe("kuromoji");
    expect(kuromojiDictionaryDir()).toContain(`${path.sep}node_modules${path.sep}kuromoji${path.sep}dict`);
    expect(await loadNodeMorphology()).toBe(kuromoji);
  });

  it("gives parts of speech, dictionary forms and offsets", () => {
    const text = "株式会社サンプル商事の山田太郎と申します。違法コピィーを見つけました。";
    const tokens = kuromoji.tokenize(text);
    const yamada = tokens.find((t) => t.surface === "山田");
    expect(yamada && properNounKind(yamada)).toBe("person");
    expect(tokens.find((t) => t.surface === "見つけ")?.baseForm).toBe("見つける");
    for (const t of tokens) expect(text.slice(t.start, (t.start ?? 0) + t.surface.length)).toBe(t.surface);
    // An unknown word's tag is a guess, never reported as a name.
    const unknown = kuromoji.tokenize("Tsyssの件").find((t) => t.surface === "Tsyss");
    expect(unknown?.known).toBe(false);
    expect(unknown && properNounKind(unknown)).toBeUndefined();
  });

  it("tokenizes a long line without punctuation, keeping every character", () => {
    const line = "パスワード管理 " + "不正ログイン被害 ".repeat(120);
    const tokens = kuromoji.tokenize(line);
    expect(tokens.map((t) => t.surface).join("")).toBe(line);
    expect(tokens.filter((t) => t.surface === "ログイン")).toHaveLength(120);
  });

  it("has no parts of speech without the dictionary", () => {
    const tokens = tinySegmenterMorphology.tokenize("山田太郎と申します");
    expect(tokens.every((t) => t.pos === "" && properNounKind(t) === undefined)).toBe(true);
  });
});

describe("lazy word-to-entry maps", () => {
  it("returns exactly what kuromoji's own loader builds", () => {
    for (const file of ["unk_map.dat.gz", "tid_map.dat.gz"]) {
      const bytes = zlib.gunzipSync(fs.readFileSync(path.join(kuromojiDictionaryDir(), file)));
      const buffer = new Uint8Array(bytes).buffer;
      const eager = new TokenInfoDictionary().loadTargetMap(new Uint8Array(buffer)).target_map;
      const lazy = lazyTargetMap(buffer);
      const keys = Object.keys(eager).map(Number);
      expect(keys.length).toBeGreaterThan(0);
      // Every key of the small map, a spread of the large one.
      const step = Math.max(1, Math.floor(keys.length / 2000));
      for (let i = 0; i < keys.length; i += step) expect(lazy[keys[i]]).toEqual(eager[keys[i]]);
      expect(lazy[-1]).toBeUndefined();
    }
  });
});
