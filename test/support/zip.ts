/**
 * A minimal zip writer for tests: it writes exactly the sizes it is told, so a test can make an
 * archive that tells the truth or one that lies about how large its parts expand.
 */
import { crc32, deflateRawSync, constants } from "node:zlib";

export interface ZipPart {
  name: string;
  /** Raw deflate data (method 8). */
  deflated: Buffer;
  /** The size written in the headers. */
  declaredSize: number;
  crc: number;
}

export function deflatedPart(name: string, data: Buffer | string): ZipPart {
  const bytes = Buffer.isBuffer(data) ? data : Buffer.from(data, "utf8");
  return { name, deflated: deflateRawSync(bytes), declaredSize: bytes.length, crc: crc32(bytes) };
}

/**
 * `megabytes` MiB of spaces as one part, built from a flushed deflate block repeated (milliseconds,
 * whatever the size): each 1 MiB block compresses to about 1 KB, the ratio of a classic zip bomb.
 */
export function bombPart(name: string, megabytes: number, declaredSize = megabytes * 1024 * 1024): ZipPart {
  const chunk = Buffer.alloc(1024 * 1024, 0x20);
  const block = deflateRawSync(chunk, { level: 9, finishFlush: constants.Z_FULL_FLUSH });
  let crc = 0;
  for (let i = 0; i < megabytes; i++) crc = crc32(chunk, crc);
  const deflated = Buffer.concat([...Array<Buffer>(megabytes).fill(block), deflateRawSync(Buffer.alloc(0))]);
  return { name, deflated, declaredSize, crc };
}

export function zip(parts: ZipPart[]): Buffer {
  const locals: Buffer[] = [];
  const centrals: Buffer[] = [];
  let offset = 0;
  for (const part of parts) {
    const name = Buffer.from(part.name, "utf8");
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(0x0800, 6); // UTF-8 names
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt32LE(part.crc >>> 0, 14);
    local.writeUInt32LE(part.deflated.length, 18);
    local.writeUInt32LE(part.declaredSize, 22);
    local.writeUInt16LE(name.length, 26);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(0x0800, 8);
    central.writeUInt16LE(8, 10);
    central.writeUInt32LE(part.crc >>> 0, 16);
    central.writeUInt32LE(part.deflated.length, 20);
    central.writeUInt32LE(part.declaredSize, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    locals.push(local, name, part.deflated);
    centrals.push(central, name);
    offset += local.length + name.length + part.deflated.length;
  }
  const directory = Buffer.concat(centrals);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(parts.length, 8);
  end.writeUInt16LE(parts.length, 10);
  end.writeUInt32LE(directory.length, 12);
  end.writeUInt32LE(offset, 16);
  return Buffer.concat([...locals, directory, end]);
}

/** The parts every .xlsx has besides its sheet, so a bomb looks like a workbook to a quick glance. */
export function workbookParts(): ZipPart[] {
  return [
    deflatedPart(
      "[Content_Types].xml",
      '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="xml" ContentType="application/xml"/></Types>',
    ),
    deflatedPart("xl/workbook.xml", '<?xml version="1.0"?><workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"/>'),
  ];
}
