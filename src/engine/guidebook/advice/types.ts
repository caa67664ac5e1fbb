/**
 * The shape of the guidebook's advice as data: the steps a standard answer can take, each tied to
 * the Mission 2–4 items and the public contact points it comes from, and to the situation it fits.
 */

/** The four parts of a standard answer, in the order the draft always follows. */
export type StepKind = "what" | "now" | "contact" | "prevent";
export const STEP_ORDER: readonly StepKind[] = ["what", "now", "contact", "prevent"];

/** What the client did (and did not undo). Read from the case by suggest/situation.ts. */
export type ActFact =
  | "enteredPassword" // typed an ID / password / PIN on a page or told it on the phone
  | "enteredCard" // typed or told a card number
  | "enteredPersonal" // gave name, birth date, address, phone number …
  | "enteredCode" // gave a one-time password or an SMS verification code
  | "paid" // paid money (e-money, card, convenience store, carrier billing)
  | "transferred" // moved money to an account (bank transfer, remittance)
  | "openedFile" // opened an attachment or a downloaded file, enabled a macro
  | "clickedLink" // opened a link in a mail or SMS
  | "installedApp" // installed an app or a program
  | "remoteAccess" // let someone operate the device remotely
  | "calledNumber" // called the number a screen or mail showed
  | "replied"; // answered the sender

/** What happened to the client or their systems. */
export type HarmFact =
  | "encrypted" // files or systems encrypted, ransom note
  | "leaked" // data leaked or may have leaked
  | "siteChanged" // website defaced, script injected, flagged by a search engine
  | "serviceDown" // site, server or network down or slow
  | "accountTaken" // account hijacked, cannot log in, posts not by the owner
  | "sentSpam" // the firm's device or account sends mail / SMS it did not write
  | "moneyLost" // money left an account or a bill the client never agreed to
  | "threatened" // extortion, threats, a deadline to pay
  | "infected" // malware found or suspected on a device
  | "deviceLost" // a device or medium lost or stolen
  | "fakeAlert" // a screen claiming the device is infected
  | "billed"; // a demand for payment shown on screen or sent

export type ObjectFact = "pc" | "phone" | "server" | "nas" | "router" | "camera" | "vpn" | "website" | "shop" | "sns" | "email" | "bank" | "cloud";

/** Whose data or money is at stake. */
export type WhoseFact = "firm" | "customers" | "consumer";

export type Fact = ActFact | HarmFact | ObjectFact | WhoseFact | "nothingDoneYet";

/** Where a piece of advice comes from (written here in our own words). */
export interface AdviceSource {
  name: string;
  url: string;
}

/**
 * One step a standard answer can take. A step fits a case when it belongs to the case's Mission 1
 * item (or to any item, `items` omitted), the case's situation has one of `when` or its text one of
 * `mentions` (or neither is given), all of `all`, and none of `unless`.
 */
export interface AdviceStep {
  /** Stable id, e.g. "1-7/now/callBank". */
  id: string;
  kind: StepKind;
  /** One or two sentences, general advice for anyone in this situation (no fact of one case). */
  text: string;
  /** Mission 1 item ids this step belongs to; omitted: any item whose case shows `when`. */
  items?: readonly string[];
  when?: readonly Fact[];
  /** Words (normalised, lower case) whose presence in the case also makes the step fit. */
  mentions?: readonly string[];
  /** Facts the case must all have besides (e.g. "firm": the leak is the firm's to report). */
  all?: readonly Fact[];
  unless?: readonly Fact[];
  /**
   * How strongly the step belongs in an answer that fits: 3 = an expert would always say it,
   * 2 = usually, 1 = when there is room.
   */
  weight: 1 | 2 | 3;
  /** Mission 2–4 item ids the step puts into practice ("2-5", "4-6"). */
  measures: readonly string[];
  /** Keys of ADVICE_CONTACTS the step names. */
  contacts: readonly string[];
  /**
   * Short wordings that show a sentence makes this step's point (after normalisation): used to
   * recognise the desk's own sentences for the step, so its wording can win.
   */
  signals: readonly string[];
  source: AdviceSource;
}

/** A public contact point an answer can name, and the reference line written for it. */
export interface AdviceContact {
  key: string;
  /** How the answer names it. */
  name: string;
  /** The line for 【FAQ用】対策のための参考資料・サイト; undefined for a party that has no public page (the client's bank). */
  reference?: string;
}
