import { generaliseResponse } from "../../src/engine/suggest/answer";

describe("a desk reply generalised for an FAQ draft", () => {
  const reply = [
    "以下のようにメール回答",
    "",
    "〇〇株式会社",
    "△△様",
    "",
    "中小企業サイバーセキュリティ対策相談窓口の（担当）と申します。",
    "ご相談いただきました件についてご回答いたします。",
    "",
    "「取引先から届いたメールの添付ファイルを開いたら画面が暗くなった」とのことですが、",
    "御社のパソコンはウイルスに感染している可能性があります。",
    "・まず、パソコンをネットワークから切り離してください。",
    "・ウイルス対策ソフトで全体をスキャンしましょう。",
    "念のため取引先にも連絡するよう勧めた。",
    "不審な添付ファイルは開かないことが大切です。",
  ].join("\n");

  const text = generaliseResponse(reply);

  it("keeps the general advice, as whole sentences", () => {
    expect(text).toContain("ネットワークから切り離してください。");
    expect(text).toContain("ウイルス対策ソフトで全体をスキャンしましょう。");
    expect(text.endsWith("。")).toBe(true);
    expect(text).not.toContain("…");
  });

  it("drops greetings, the client's own words, case-specific sentences and the desk's notes", () => {
    for (const gone of ["△△様", "と申します", "ご回答いたします", "とのこと", "画面が暗くなった", "御社", "勧めた", "・"]) {
      expect(text).not.toContain(gone);
    }
  });

  it("gives nothing rather than a fragment when a reply is only a record of what the desk did", () => {
    expect(generaliseResponse("警視庁サイバーセキュリティ対策本部に講演を依頼した。\n先方より連絡済み。")).toBe("");
  });

  it("takes off item numbers, not the first group of a phone number (which the detector then masks whole)", () => {
    expect(generaliseResponse("1. 着信履歴は残してください。\n090 1234 5678 からの着信には折り返さないでください。")).toBe(
      "着信履歴は残してください。090 1234 5678 からの着信には折り返さないでください。",
    );
  });
});
