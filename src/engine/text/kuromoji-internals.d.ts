// The parts of kuromoji 0.1.2 that faq-assist builds its tokenizer from (see morphology-kuromoji.ts):
// the dictionary container and the tokenizer, without the package's own loaders (which pull in
// Node's fs/zlib or an XHR + pure-JS gunzip that the pane does not need).
declare module "kuromoji/src/dict/DynamicDictionaries" {
  interface TokenInfoDictionary {
    target_map: Record<number, number[]>;
    loadDictionary(buffer: Uint8Array): TokenInfoDictionary;
    loadPosVector(buffer: Uint8Array): TokenInfoDictionary;
  }
  interface UnknownDictionary extends TokenInfoDictionary {
    character_definition: unknown;
  }
  class DynamicDictionaries {
    constructor(trie?: unknown, tokenInfo?: unknown, costs?: unknown, unknown?: unknown);
    token_info_dictionary: TokenInfoDictionary;
    unknown_dictionary: UnknownDictionary;
    loadTrie(base: Int32Array, check: Int32Array): DynamicDictionaries;
    loadConnectionCosts(costs: Int16Array): DynamicDictionaries;
  }
  export = DynamicDictionaries;
}

declare module "kuromoji/src/dict/CharacterDefinition" {
  const CharacterDefinition: { load(catMap: Uint8Array, compatCatMap: Uint32Array, invokeDef: Uint8Array): unknown };
  export = CharacterDefinition;
}

declare module "kuromoji/src/Tokenizer" {
  interface IpadicToken {
    word_type: "KNOWN" | "UNKNOWN";
    surface_form: string;
    pos: string;
    pos_detail_1: string;
    pos_detail_2: string;
    pos_detail_3: string;
    basic_form: string;
  }
  class Tokenizer {
    constructor(dictionaries: unknown);
    tokenize(text: string): IpadicToken[];
  }
  export = Tokenizer;
}

declare module "kuromoji/src/dict/TokenInfoDictionary" {
  class TokenInfoDictionary {
    target_map: Record<number, number[]>;
    loadDictionary(buffer: Uint8Array): TokenInfoDictionary;
    loadPosVector(buffer: Uint8Array): TokenInfoDictionary;
    loadTargetMap(buffer: Uint8Array): TokenInfoDictionary;
  }
  export = TokenInfoDictionary;
}

declare module "kuromoji/src/dict/UnknownDictionary" {
  class UnknownDictionary {
    target_map: Record<number, number[]>;
    character_definition: unknown;
  }
  export = UnknownDictionary;
}

declare module "kuromoji/src/dict/ConnectionCosts" {
  class ConnectionCosts {
    constructor(forward: number, backward: number);
  }
  export = ConnectionCosts;
}
