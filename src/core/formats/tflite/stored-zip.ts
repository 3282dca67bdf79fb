/**
 * Appends files to a .tflite as a zip archive whose entries are stored, not compressed, as tflite-support's
 * MetadataPopulator does (Python zipfile in append mode): the metadata extractors of MediaPipe and the Task Library
 * (minizip in raw mode) refuse compressed entries. Offsets are absolute, counted from the start of the .tflite, as
 * zipfile's append mode writes them. DOS time stamps are fixed at 1980-01-01 00:00, so an export is reproducible.
 */
import { crc32 } from 'node:zlib';

export interface ZipEntry {
  name: string;
  data: Uint8Array;
}

const LOCAL_HEADER = 0x04034b50;
const CENTRAL_HEADER = 0x02014b50;
const END_OF_CENTRAL_DIRECTORY = 0x06054b50;
/** Version 1.0: what a stored entry needs (made by: the same, MS-DOS attributes). */
const ZIP_VERSION = 10;
const STORED = 0;
const DOS_DATE_1980_01_01 = (0 << 9) | (1 << 5) | 1;

/** A little-endian record of 16- and 32-bit fields followed by a name. */
function record(fields: Array<[bytes: 2 | 4, value: number]>, name: Uint8Array): Uint8Array {
  const size = fields.reduce((n, [bytes]) => n + bytes, 0);
  const out = new Uint8Array(size + name.length);
  const view = new DataView(out.buffer);
  let at = 0;
  for (const [bytes, value] of fields) {
    if (bytes === 2) view.setUint16(at, value, true);
    else view.setUint32(at, value, true);
    at += bytes;
  }
  out.set(name, size);
  return out;
}

function concat(parts: readonly Uint8Array[]): Uint8Array {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let at = 0;
  for (const part of parts) {
    out.set(part, at);
    at += part.length;
  }
  return out;
}

/** `file` followed by a zip of `entries` (each stored, with its CRC-32). */
export function appendStoredZip(file: Uint8Array, entries: readonly ZipEntry[]): Uint8Array {
  const locals: Uint8Array[] = [];
  const centrals: Uint8Array[] = [];
  let offset = file.length;
  for (const { name, data } of entries) {
    const nameBytes = new TextEncoder().encode(name);
    const crc = crc32(data);
    // flags, method, time, date, CRC-32, compressed size, size, name length, extra length
    const common: Array<[2 | 4, number]> = [[2, 0], [2, STORED], [2, 0], [2, DOS_DATE_1980_01_01], [4, crc], [4, data.length], [4, data.length], [2, nameBytes.length], [2, 0]];
    const local = record([[4, LOCAL_HEADER], [2, ZIP_VERSION], ...common], nameBytes);
    // + comment length, disk, internal and external attributes, the local header's offset
    centrals.push(record([[4, CENTRAL_HEADER], [2, ZIP_VERSION], [2, ZIP_VERSION], ...common, [2, 0], [2, 0], [2, 0], [4, 0], [4, offset]], nameBytes));
    locals.push(local, data);
    offset += local.length + data.length;
  }
  const directory = concat(centrals);
  const end = record(
    [[4, END_OF_CENTRAL_DIRECTORY], [2, 0], [2, 0], [2, entries.length], [2, entries.length], [4, directory.length], [4, offset], [2, 0]],
    new Uint8Array(0),
  );
  return concat([file, ...locals, directory, end]);
}
