/**
 * Custom XML parts through Office.js (ExcelApi 1.5), for the Office adapter: read the parts of one
 * namespace, queue changes into the caller's batch, and put them back after a failed batch. Notes
 * from the office-js issues this relies on:
 * - `getByNamespace("")` is refused (office-js #2580): the log always has a namespace;
 * - an empty scoped collection's `items` has come back undefined (office-js #6673): read defensively;
 * - `setXml` with an XML declaration has failed (office-js #1643): parts are written without one;
 * - Excel for Mac has lost parts after save and reopen (office-js #6091), and Excel on iPad fails a
 *   sync touching parts in an unsaved file (office-js #3936): a failed batch is rolled back whole,
 *   so a write never goes through without its record.
 */
import type { XmlPart, XmlPartChanges } from "./port";

export interface NamespaceParts {
  parts: XmlPart[];
  proxies: Map<string, Excel.CustomXmlPart>;
}

/** The parts of a namespace, with their proxies for changes queued later in the same `Excel.run`. */
export async function readNamespaceParts(context: Excel.RequestContext, namespace: string): Promise<NamespaceParts> {
  const collection = context.workbook.customXmlParts.getByNamespace(namespace);
  collection.load("items/id");
  await context.sync();
  // eslint-disable-next-line office-addins/load-object-before-read -- loaded just above as "items/id" (only the ids travel)
  const items: Excel.CustomXmlPart[] = collection.items ?? [];
  const xmls = items.map((item) => item.getXml());
  if (items.length > 0) await context.sync();
  return {
    parts: items.map((item, i) => ({ id: item.id, xml: xmls[i].value })),
    proxies: new Map(items.map((item) => [item.id, item])),
  };
}

/** Queues the changes; they are sent with the caller's next `context.sync()`. */
export function queuePartChanges(context: Excel.RequestContext, read: NamespaceParts, changes: XmlPartChanges): void {
  const proxy = (id: string) => {
    const found = read.proxies.get(id);
    if (!found) throw new Error(`Custom XML part ${id} was not read first.`);
    return found;
  };
  for (const part of changes.set ?? []) proxy(part.id).setXml(part.xml);
  for (const id of changes.remove ?? []) proxy(id).delete();
  for (const xml of changes.add ?? []) context.workbook.customXmlParts.add(xml);
}

/**
 * After a failed batch (a batch is not a transaction): makes the namespace's parts hold exactly
 * what they held before — parts added are deleted, changed ones set back, deleted ones added again.
 */
export async function restoreParts(context: Excel.RequestContext, namespace: string, before: XmlPart[]): Promise<void> {
  const now = await readNamespaceParts(context, namespace);
  const nowById = new Map(now.parts.map((part) => [part.id, part.xml]));
  const beforeIds = new Set(before.map((part) => part.id));
  for (const part of now.parts) if (!beforeIds.has(part.id)) now.proxies.get(part.id)?.delete();
  for (const part of before) {
    const current = nowById.get(part.id);
    if (current === undefined) context.workbook.customXmlParts.add(part.xml);
    else if (current !== part.xml) now.proxies.get(part.id)?.setXml(part.xml);
  }
  await context.sync();
}
