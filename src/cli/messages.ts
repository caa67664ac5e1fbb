/** CLI messages: Japanese when the terminal's locale is Japanese, English otherwise. */
export type Lang = "ja" | "en";

export function detectLang(env: NodeJS.ProcessEnv = process.env): Lang {
  const locale = env.LC_ALL || env.LC_MESSAGES || env.LANG || "";
  return locale.toLowerCase().startsWith("ja") ? "ja" : "en";
}

type Args = Record<string, string | number>;
type Message = { ja: (a: Args) => string; en: (a: Args) => string };

const MESSAGES = {
  usage: {
    ja: () =>
      "使い方: faq-assist suggest --workbook FILE [--sheet NAME|all] (--row N | --all) [--json]\n" +
      "        faq-assist evaluate --workbook FILE [--sheet NAME|all] [--json]\n" +
      "        faq-assist search --workbook FILE --query TEXT [--limit N] [--category C] [--sheet NAME|all] [--json]\n" +
      "        faq-assist check --workbook FILE [--sheet NAME|all] [--json]\n" +
      "        faq-assist export --workbook FILE --out FILE.html [--sheet NAME|all] [--lang ja|en] [--omit-private]\n" +
      "        faq-assist acceptance --workbook FILE.xlsx [--sheet NAME] [--json] [--clear]",
    en: () =>
      "usage: faq-assist suggest --workbook FILE [--sheet NAME|all] (--row N | --all) [--json]\n" +
      "       faq-assist evaluate --workbook FILE [--sheet NAME|all] [--json]\n" +
      "       faq-assist search --workbook FILE --query TEXT [--limit N] [--category C] [--sheet NAME|all] [--json]\n" +
      "       faq-assist check --workbook FILE [--sheet NAME|all] [--json]\n" +
      "       faq-assist export --workbook FILE --out FILE.html [--sheet NAME|all] [--lang ja|en] [--omit-private]\n" +
      "       faq-assist acceptance --workbook FILE.xlsx [--sheet NAME] [--json] [--clear]",
  },
  badArguments: { ja: (a) => `引数が正しくありません: ${a.detail}`, en: (a) => `invalid arguments: ${a.detail}` },
  unknownCommand: {
    ja: (a) => `不明なコマンドです: ${a.command}（suggest, evaluate, search, check, export, acceptance）`,
    en: (a) => `unknown command: ${a.command} (use suggest, evaluate, search, check, export or acceptance)`,
  },
  missingWorkbook: { ja: () => "--workbook でファイルを指定してください", en: () => "--workbook FILE is required" },
  rowOrAll: { ja: () => "--row N か --all のどちらか一方を指定してください", en: () => "give either --row N or --all" },
  badRowNumber: {
    ja: (a) => `行番号が正しくありません: ${a.value}（シート左端の行番号を、1〜${a.max} の整数で指定してください）`,
    en: (a) => `invalid row number: ${a.value} (give the row number shown at the left of the sheet, a whole number from 1 to ${a.max})`,
  },
  unreadable: { ja: (a) => `ファイルを読めません: ${a.file}（${a.reason}）`, en: (a) => `cannot read file: ${a.file} (${a.reason})` },
  notXlsx: {
    ja: (a) => `ファイルを読めません: ${a.file}（.xlsx 形式の Excel ブックではないか、ファイルが壊れています。Excel で開けるなら「名前を付けて保存」で .xlsx として保存し直してください）`,
    en: (a) => `cannot read file: ${a.file} (not a valid .xlsx workbook: the file is damaged or is not an Excel workbook; if Excel opens it, save it again as .xlsx)`,
  },
  legacyOrEncrypted: {
    ja: (a) => `ファイルを読めません: ${a.file}（古い .xls 形式か、パスワードで保護されたブックです。Excel で開き、パスワードなしの .xlsx として保存してください）`,
    en: (a) => `cannot read file: ${a.file} (an old .xls workbook or a password-protected one; open it in Excel and save it as .xlsx without a password)`,
  },
  xlsxTooLarge: {
    ja: (a) => `ファイルを読みません: ${a.file}（展開すると ${a.size} になり、上限 ${a.limit} を超えます。壊れたファイルか、メモリを使い果たすよう作られたファイルの可能性があります）`,
    en: (a) => `refusing to read ${a.file}: it would expand to ${a.size}, over the ${a.limit} limit (the file is damaged or built to exhaust memory)`,
  },
  xlsxTooCompressed: {
    ja: (a) => `ファイルを読みません: ${a.file}（中の ${a.part} が ${a.ratio} 倍に膨らみ、上限 ${a.limit} 倍を超えます。壊れたファイルか、メモリを使い果たすよう作られたファイルの可能性があります）`,
    en: (a) => `refusing to read ${a.file}: its part ${a.part} expands ${a.ratio}-fold, over the ${a.limit}-fold limit (the file is damaged or built to exhaust memory)`,
  },
  xlsxTooManyParts: {
    ja: (a) => `ファイルを読みません: ${a.file}（中のファイルが ${a.parts} 個あり、上限 ${a.limit} 個を超えます）`,
    en: (a) => `refusing to read ${a.file}: it holds ${a.parts} parts, over the ${a.limit} limit`,
  },
  invalidUtf8: {
    ja: (a) => `ファイルを読めません: ${a.file}（UTF-8 のファイルですが、${a.line} 行目（先頭から ${a.offset} バイト目）に UTF-8 ではないバイト ${a.byte} があります。その箇所を直すか、Excel で「CSV UTF-8」として保存し直してください）`,
    en: (a) => `cannot read file: ${a.file} (a UTF-8 file with a byte that is not UTF-8, ${a.byte}, on line ${a.line} at byte ${a.offset}; correct it or save the file again as "CSV UTF-8")`,
  },
  outNotAFile: {
    ja: (a) => `書き出し先が通常のファイルではありません: ${a.file}（${a.kind}）。新しいファイル名か、既存の通常のファイルを指定してください`,
    en: (a) => `refusing to write ${a.file}: it is a ${a.kind}, not a regular file; give a new file name or an existing regular file`,
  },
  unsupportedType: { ja: (a) => `対応していない形式です: ${a.file}（.xlsx か .csv）`, en: (a) => `unsupported file type: ${a.file} (use .xlsx or .csv)` },
  unknownSheet: { ja: (a) => `シート「${a.sheet}」がありません（あるシート: ${a.sheets}）`, en: (a) => `no sheet named "${a.sheet}" (sheets: ${a.sheets})` },
  noHeader: {
    ja: (a) => `見出し行が見つかりません（${a.where}）。相談の行の上に見出し行（受理番号・件名・相談内容など）を入れてください。探した見出し: ${a.lookedFor}`,
    en: (a) => `no header row found (${a.where}). Put a header row (受理番号, 件名, 相談内容, …) above the cases. Looked for: ${a.lookedFor}`,
  },
  noContent: {
    ja: (a) => `件名の列も相談内容の列も見つかりません（${a.where}）。どちらか一方が必要です。探した見出し: ${a.lookedFor}`,
    en: (a) => `neither a 件名 (subject) nor a 相談内容 (consultation text) column was found (${a.where}); one of them is required. Looked for: ${a.lookedFor}`,
  },
  emptySheet: { ja: (a) => `シートが空です: ${a.where}`, en: (a) => `the sheet is empty: ${a.where}` },
  rowOutOfRange: {
    ja: (a) => `行 ${a.row} は範囲外です（シート「${a.sheet}」の見出しは ${a.header} 行、相談は ${a.first}〜${a.last} 行）`,
    en: (a) => `row ${a.row} is out of range (sheet "${a.sheet}" has its header in row ${a.header} and cases in rows ${a.first}-${a.last})`,
  },
  ignoredBelow: {
    ja: (a) => `注意: 相談表の最終行 ${a.last} より下にある ${a.count} 個のセルは読み飛ばしました（最後のセル: ${a.address}）`,
    en: (a) => `note: ${a.count} cell(s) below the case table's last row ${a.last} were ignored (the last one is ${a.address})`,
  },
  notACaseRow: {
    ja: (a) => `行 ${a.row} は相談の行ではありません（見出し行 ${a.header}、相談は ${a.first}〜${a.last} 行）`,
    en: (a) => `row ${a.row} is not a case row (header is row ${a.header}; cases are in rows ${a.first}-${a.last})`,
  },
  rowNeedsSheet: {
    ja: (a) => `--sheet all では --row にシート名と行番号を「シート名!行」の形で指定してください: ${a.value}（シート: ${a.sheets}）`,
    en: (a) => `with --sheet all, give --row as SHEET!ROW: ${a.value} (sheets: ${a.sheets})`,
  },
  noCases: { ja: (a) => `相談の行がありません: ${a.where}`, en: (a) => `no case rows: ${a.where}` },
  nothingToSuggest: { ja: () => "案件項目が空の相談行はありません", en: () => "no case row has an empty 案件項目【Mission1】" },
  // search, check, export (issue 9)
  missingQuery: { ja: () => "--query で検索する言葉か相談の文を指定してください", en: () => "--query TEXT is required (a few words or a whole consultation)" },
  badLimit: { ja: (a) => `--limit が正しくありません: ${a.value}（1以上の整数）`, en: (a) => `invalid --limit: ${a.value} (a whole number from 1)` },
  missingOut: { ja: () => "--out で書き出す HTML ファイルを指定してください", en: () => "--out FILE.html is required" },
  badLang: { ja: (a) => `--lang が正しくありません: ${a.value}（ja か en）`, en: (a) => `invalid --lang: ${a.value} (ja or en)` },
  outIsInput: { ja: (a) => `書き出し先が入力ファイルと同じです: ${a.file}`, en: (a) => `the output file is the input workbook: ${a.file}` },
  cannotWrite: { ja: (a) => `ファイルに書き込めません: ${a.file}（${a.reason}）`, en: (a) => `cannot write file: ${a.file} (${a.reason})` },
  noAnswers: { ja: (a) => `標準回答が記入された行がないため、FAQ を作れません: ${a.where}`, en: (a) => `no row has a standard answer, so there is no FAQ to publish: ${a.where}` },
} satisfies Record<string, Message>;

export type MessageKey = keyof typeof MESSAGES;

/** Why a file could not be read, in the user's language. */
export const UNREADABLE_REASONS = {
  ja: { noSuchFile: "ファイルがありません", notAFile: "ファイルではありません", permission: "読み取りの権限がありません", other: "読み取りエラー" },
  en: { noSuchFile: "no such file", notAFile: "not a file", permission: "permission denied", other: "read error" },
} as const;

export function message(lang: Lang, key: MessageKey, args: Args = {}): string {
  const entry: Message = MESSAGES[key];
  return entry[lang](args);
}

/** Labels of the readable report. */
export const LABELS = {
  ja: {
    row: "行",
    category: "案件項目",
    classification: "相談内容分類",
    keywords: "検索キーワード",
    countermeasures: "対策項目",
    references: "参考資料・サイト",
    answer: "標準回答（案）",
    sources: "根拠の行",
    masked: "伏せた情報",
    lowInformation: "※ 相談の文が短いため、提案の確度は低めです",
    similar: "似た行",
    none: "（なし）",
    evaluation: "評価",
    leaveOneOut: "一つ抜き交差検証（記入済みの行）",
    taxonomyOnly: "記入済みの行がない場合（ガイドブックの分類のみ）",
    at1: "案件項目の正解率（1位）",
    at3: "案件項目の正解率（3位以内）",
    keywordPrecision: "キーワード適合率",
    keywordRecall: "キーワード再現率",
    msPerRow: "1行あたりの時間",
    columnFigures: "FAQ 列ごとの精度（記入済みの行を 1 行ずつ伏せて提案）",
    precision: "適合率",
    recall: "再現率",
    coverage: "回答の網羅率",
    rowsShort: "行",
    rows: "評価した行",
    caseNumber: "受理番号",
    similarity: "類似度",
    subject: "件名",
    reply: "対応状況",
    standardAnswer: "標準回答",
    noResults: "似た相談は見つかりませんでした",
    fix: "修正案",
    noProblems: "問題は見つかりませんでした",
    problemSummary: "{n} 件の問題（うち {fixable} 件は修正案あり）",
    exported: "{file} に FAQ を書き出しました: {entries} 項目（{rows} 行、{groups} 分類）",
    withoutAnswer: "標準回答が未記入の {n} 行は載せていません",
    privacyNotes: "個人情報のため伏せた・除いたもの:",
  },
  en: {
    row: "Row",
    category: "Category",
    classification: "Classification",
    keywords: "Keywords",
    countermeasures: "Countermeasures",
    references: "References",
    answer: "Draft answer",
    sources: "from rows",
    masked: "masked",
    lowInformation: "Note: the case has little text, so these suggestions are uncertain",
    similar: "Similar rows",
    none: "(none)",
    evaluation: "Evaluation",
    leaveOneOut: "Leave-one-out over the filled rows",
    taxonomyOnly: "With no filled row (guidebook taxonomy only)",
    at1: "Category accuracy at 1",
    at3: "Category accuracy at 3",
    keywordPrecision: "Keyword precision",
    keywordRecall: "Keyword recall",
    msPerRow: "Time per row",
    columnFigures: "Every FAQ column, leave-one-out over the filled rows",
    precision: "precision",
    recall: "recall",
    coverage: "answer covered",
    rowsShort: "rows",
    rows: "Rows evaluated",
    caseNumber: "Case",
    similarity: "similarity",
    subject: "Subject",
    reply: "Reply",
    standardAnswer: "Standard answer",
    noResults: "No similar case found",
    fix: "fix",
    noProblems: "No problems found",
    problemSummary: "{n} problem(s) ({fixable} with a fix)",
    exported: "FAQ written to {file}: {entries} entries ({rows} rows, {groups} category group(s))",
    withoutAnswer: "{n} row(s) without a standard answer are not included",
    privacyNotes: "Masked or left out because of personal data:",
  },
} as const;
