/**
 * Custom XML parts as a plain store: what the in-memory workbook keeps and what the .xlsx reader and
 * writer hand over. A part belongs to the namespace of its root element, which is how Office's
 * `getByNamespace` finds it.
 */
import { WorkbookError, type XmlPart, type XmlPartChanges } from "./port";

/** The namespace URI of a part's root element ("" when it has none). */
export function rootNamespace(xml: string): string {
  const root = /<(?![?!])([\w.-]+:)?[\w.-]+\b([^>]*)>/.exec(xml);
  if (!root) return "";
  const prefix = root[1] ? root[1].slice(0, -1) : "";
  const attribute = prefix ? `xmlns:${prefix}` : "xmlns";
  const match = new RegExp(`\\s${attribute.replace(".", "\\.")}\\s*=\\s*(?:"([^"]*)"|'([^']*)')`).exec(root[2]);
  return match ? (match[1] ?? match[2] ?? "") : "";
}

export class XmlPartStore {
  private readonly parts = new Map<string, string>();
  private nextId = 1;

  /** Every part, in the order added (ids as Office gives them: a GUID in braces). */
  all(): XmlPart[] {
    return [...this.parts].map(([id, xml]) => ({ id, xml }));
  }

  get(id: string): string | undefined {
    return this.parts.get(id);
  }

  set(id: string, xml: string): void {
    if (!this.parts.has(id)) throw new WorkbookError("writeFailed", `No custom XML part ${id}.`);
    this.parts.set(id, xml);
  }

  delete(id: string): void {
    if (!this.parts.delete(id)) throw new WorkbookError("writeFailed", `No custom XML part ${id}.`);
  }

  byNamespace(namespace: string): XmlPart[] {
    return this.all().filter((part) => rootNamespace(part.xml) === namespace);
  }

  add(xml: string): string {
    const id = `{${String(this.nextId++).padStart(8, "0")}-0000-4000-8000-000000000000}`;
    this.parts.set(id, xml);
    return id;
  }

  /** Checks the changes against the parts of `namespace` first, then applies them all (or none). */
  apply(namespace: string, changes: XmlPartChanges): void {
    const own = new Set(this.byNamespace(namespace).map((part) => part.id));
    for (const id of [...(changes.set ?? []).map((part) => part.id), ...(changes.remove ?? [])]) {
      if (!own.has(id)) throw new WorkbookError("writeFailed", `No custom XML part ${id} in ${namespace}.`);
    }
    for (const xml of [...(changes.set ?? []).map((part) => part.xml), ...(changes.add ?? [])]) {
      if (rootNamespace(xml) !== namespace) throw new WorkbookError("writeFailed", `A part written for ${namespace} has another namespace.`);
    }
    for (const part of changes.set ?? []) this.parts.set(part.id, part.xml);
    for (const id of changes.remove ?? []) this.parts.delete(id);
    for (const xml of changes.add ?? []) this.add(xml);
  }
}
