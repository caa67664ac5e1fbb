/**
 * Custom XML parts inside an .xlsx file, read and written as Excel stores them — ExcelJS drops them
 * on load and never writes them, so this works on the zip container itself:
 *
 *   customXml/itemN.xml              the part (its root element's namespace is how Office finds it)
 *   customXml/itemPropsN.xml         its properties: the id Office reports (`ds:itemID`) and schema
 *   customXml/_rels/itemN.xml.rels   item → itemProps
 *   xl/_rels/workbook.xml.rels       workbook → item (relationship type …/customXml)
 *   [Content_Types].xml              the itemProps content type (and application/xml for the item)
 *
 * Writing replaces the parts of one namespace and keeps every other entry of the file byte for byte
 * (inflated and deflated again, same content).
 */
import { deflateRawSync } from "zlib";
import type { Readable } from "stream";
import yauzl from "yauzl";
import type { XmlPart } from "../workbook/port";
import { rootNamespace } from "../workbook/xml-parts";
import { openZip, zipEntries } from "./xlsx-archive";

interface ZipEntry {
  name: string;
  data: Buffer;
}

function readEntry(zip: yauzl.ZipFile, entry: yauzl.Entry): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    zip.openReadStream(entry, (error, stream: Readable) => {
      if (error || !stream) return reject(error ?? new Error("no stream"));
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", reject);
      stream.on("end", () => resolve(Buffer.concat(chunks)));
    }),
  );
}

/** Every file entry of the archive, inflated (the caller has checked the archive's sizes first). */
async function readZip(bytes: Buffer): Promise<ZipEntry[]> {
  const zip = await openZip(bytes);
  try {
    const listed = await zipEntries(zip);
    const entries: ZipEntry[] = [];
    for (const entry of listed) {
      if (entry.fileName.endsWith("/")) continue;
      entries.push({ name: entry.fileName, data: await readEntry(zip, entry) });
    }
    return entries;
  } finally {
    zip.close();
  }
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(data: Buffer): number {
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = CRC_TABLE[(crc ^ data[i]) & 0xff] ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

/** A plain zip (deflate, UTF-8 names, no zip64: an .xlsx the CLI accepts is far below 4 GB). */
function writeZip(entries: ZipEntry[]): Buffer {
  const chunks: Buffer[] = [];
  const central: Buffer[] = [];
  let offset = 0;
  for (const entry of entries) {
    const name = Buffer.from(entry.name, "utf8");
    const compressed = deflateRawSync(entry.data);
    const crc = crc32(entry.data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(0x00210000, 10); // 1980-01-01 00:00 (DOS time, date)
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(compressed.length, 18);
    local.writeUInt32LE(entry.data.length, 22);
    local.writeUInt16LE(name.length, 26);
    local.writeUInt16LE(0, 28);
    const header = Buffer.alloc(46);
    header.writeUInt32LE(0x02014b50, 0);
    header.writeUInt16LE(20, 4);
    header.writeUInt16LE(20, 6);
    header.writeUInt16LE(0x0800, 8);
    header.writeUInt16LE(8, 10);
    header.writeUInt32LE(0x00210000, 12);
    header.writeUInt32LE(crc, 16);
    header.writeUInt32LE(compressed.length, 20);
    header.writeUInt32LE(entry.data.length, 24);
    header.writeUInt16LE(name.length, 28);
    header.writeUInt32LE(offset, 42);
    central.push(header, name);
    chunks.push(local, name, compressed);
    offset += local.length + name.length + compressed.length;
  }
  const centralBytes = Buffer.concat(central);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(entries.length, 8);
  end.writeUInt16LE(entries.length, 10);
  end.writeUInt32LE(centralBytes.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...chunks, centralBytes, end]);
}

const ITEM = /^customXml\/item(\d+)\.xml$/;
const REL_CUSTOM_XML = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXml";
const REL_PROPS = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/customXmlProps";
const PROPS_TYPE = "application/vnd.openxmlformats-officedocument.customXmlProperties+xml";

const text = (data: Buffer) => data.toString("utf8").replace(/^\uFEFF/, "");

/** The id Office reports for a part: its itemProps' `ds:itemID`, else the part's path. */
function itemId(entries: Map<string, ZipEntry>, index: string): string {
  const props = entries.get(`customXml/itemProps${index}.xml`);
  const match = props && /itemID\s*=\s*"([^"]+)"/.exec(text(props.data));
  return match ? match[1] : `customXml/item${index}.xml`;
}

/** The custom XML parts of an .xlsx (all namespaces), in the order of their item numbers. */
export async function readCustomXmlParts(bytes: Buffer): Promise<XmlPart[]> {
  const entries = await readZip(bytes);
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  return entries
    .flatMap((entry) => {
      const match = ITEM.exec(entry.name);
      return match ? [{ index: Number(match[1]), part: { id: itemId(byName, match[1]), xml: text(entry.data) } }] : [];
    })
    .sort((a, b) => a.index - b.index)
    .map((item) => item.part);
}

function guid(seed: number): string {
  const hex = [...Array(32)].map(() => Math.floor(Math.random() * 16).toString(16)).join("");
  return `{${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-${((seed % 4) + 8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}}`.toUpperCase();
}

const escapeAttr = (value: string) => value.replace(/&/g, "&amp;").replace(/"/g, "&quot;").replace(/</g, "&lt;");

/**
 * The file with the parts of `namespace` replaced by `xmls` (none: the namespace's parts are
 * removed); every other part, and every other entry, stays as it was.
 */
export async function writeCustomXmlParts(bytes: Buffer, namespace: string, xmls: string[]): Promise<Buffer> {
  const entries = await readZip(bytes);
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  const dropped = new Set<string>();
  for (const entry of entries) {
    const match = ITEM.exec(entry.name);
    if (!match || rootNamespace(text(entry.data)) !== namespace) continue;
    dropped.add(match[1]);
  }
  const droppedNames = new Set([...dropped].flatMap((i) => [`customXml/item${i}.xml`, `customXml/itemProps${i}.xml`, `customXml/_rels/item${i}.xml.rels`]));
  const kept = entries.filter((entry) => !droppedNames.has(entry.name));
  const used = new Set(kept.flatMap((entry) => (ITEM.exec(entry.name) ? [Number(ITEM.exec(entry.name)?.[1])] : [])));
  const indexes: number[] = [];
  for (let i = 1; indexes.length < xmls.length; i++) if (!used.has(i)) indexes.push(i);

  const added: ZipEntry[] = xmls.flatMap((xml, k) => {
    const i = indexes[k];
    const props =
      `<?xml version="1.0" encoding="UTF-8" standalone="no"?>\r\n` +
      `<ds:datastoreItem ds:itemID="${guid(i)}" xmlns:ds="http://schemas.openxmlformats.org/officeDocument/2006/customXml">` +
      `<ds:schemaRefs><ds:schemaRef ds:uri="${escapeAttr(namespace)}"/></ds:schemaRefs></ds:datastoreItem>`;
    const rels =
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\r\n` +
      `<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">` +
      `<Relationship Id="rId1" Type="${REL_PROPS}" Target="itemProps${i}.xml"/></Relationships>`;
    return [
      { name: `customXml/item${i}.xml`, data: Buffer.from(xml, "utf8") },
      { name: `customXml/itemProps${i}.xml`, data: Buffer.from(props, "utf8") },
      { name: `customXml/_rels/item${i}.xml.rels`, data: Buffer.from(rels, "utf8") },
    ];
  });

  const workbookRels = byName.get("xl/_rels/workbook.xml.rels");
  const contentTypes = byName.get("[Content_Types].xml");
  if (!workbookRels || !contentTypes) throw new Error("Not a workbook: no workbook relationships or content types.");
  let rels = text(workbookRels.data);
  // Relationships to the dropped items go; new ones point at the new items.
  rels = rels.replace(/<Relationship\b[^>]*\/>/g, (rel) => {
    const target = /Target="(?:\.\.\/)?\/?customXml\/item(\d+)\.xml"/.exec(rel);
    return target && dropped.has(target[1]) ? "" : rel;
  });
  const ids = new Set([...rels.matchAll(/\bId="([^"]+)"/g)].map((m) => m[1]));
  const newRels = indexes.map((i) => {
    let n = i;
    while (ids.has(`rIdCx${n}`)) n++;
    ids.add(`rIdCx${n}`);
    return `<Relationship Id="rIdCx${n}" Type="${REL_CUSTOM_XML}" Target="../customXml/item${i}.xml"/>`;
  });
  rels = rels.replace("</Relationships>", `${newRels.join("")}</Relationships>`);

  let types = text(contentTypes.data);
  types = types.replace(/<Override\b[^>]*\/>/g, (override) => {
    const part = /PartName="\/customXml\/item(?:Props)?(\d+)\.xml"/.exec(override);
    return part && dropped.has(part[1]) ? "" : override;
  });
  const hasXmlDefault = /<Default\b[^>]*Extension="xml"/i.test(types);
  const overrides = indexes.flatMap((i) => [
    ...(hasXmlDefault ? [] : [`<Override PartName="/customXml/item${i}.xml" ContentType="application/xml"/>`]),
    `<Override PartName="/customXml/itemProps${i}.xml" ContentType="${PROPS_TYPE}"/>`,
  ]);
  types = types.replace("</Types>", `${overrides.join("")}</Types>`);

  const rewritten = new Map([
    ["xl/_rels/workbook.xml.rels", Buffer.from(rels, "utf8")],
    ["[Content_Types].xml", Buffer.from(types, "utf8")],
  ]);
  return writeZip([...kept.map((entry) => ({ name: entry.name, data: rewritten.get(entry.name) ?? entry.data })), ...added]);
}
