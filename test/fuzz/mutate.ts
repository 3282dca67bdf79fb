/**
 * Mutations of valid inputs, from a seeded random generator so that any case can be replayed: byte edits that
 * favour headers (bit flips, boundary values, truncation, junk, copied and zeroed ranges), structural edits of
 * JSON that favour the parts an attacker aims at (the weights manifest, the compile metadata), and PNG chunk
 * CRCs recomputed after an edit so the damage reaches the decoder rather than its checksum test.
 */
import { crc32 } from 'node:zlib';

/** mulberry32: small, fast, and the same sequence for the same seed on every platform. */
export class Random {
  constructor(private state: number) {}

  next(): number {
    let t = (this.state = (this.state + 0x6d2b79f5) | 0);
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 2 ** 32;
  }

  int(below: number): number {
    return Math.floor(this.next() * below);
  }

  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)];
  }
}

/** Buffer.subarray and Buffer.concat results, which need not own a plain ArrayBuffer. */
type Bytes = Buffer<ArrayBufferLike>;

const BOUNDARY_BYTES = [0x00, 0x01, 0x7f, 0x80, 0xfe, 0xff];
const BOUNDARY_WORDS = [0, 1, 0x7fffffff, 0x80000000, 0xffffffff, 28, 784, 1 << 20];

/** Most format damage that matters is in headers: half the edits land in the first 64 bytes. */
function position(length: number, random: Random): number {
  return random.next() < 0.5 ? random.int(Math.min(64, length)) : random.int(length);
}

const BYTE_EDITS: Array<(bytes: Bytes, random: Random) => Bytes> = [
  (bytes, random) => {
    const at = position(bytes.length, random);
    bytes[at] ^= 1 << random.int(8);
    return bytes;
  },
  (bytes, random) => {
    bytes[position(bytes.length, random)] = random.pick(BOUNDARY_BYTES);
    return bytes;
  },
  (bytes, random) => {
    const at = Math.min(position(bytes.length, random), bytes.length - 4);
    const word = random.pick(BOUNDARY_WORDS);
    // IDX and PNG headers are big-endian, TFLite and HDF5 little-endian.
    if (at >= 0 && random.next() < 0.5) bytes.writeUInt32BE(word >>> 0, at);
    else if (at >= 0) bytes.writeUInt32LE(word >>> 0, at);
    return bytes;
  },
  (bytes, random) => bytes.subarray(0, random.int(bytes.length)),
  (bytes, random) => Buffer.concat([bytes, Buffer.from(Array.from({ length: 1 + random.int(256) }, () => random.int(256)))]),
  (bytes, random) => {
    const from = random.int(bytes.length);
    const chunk = Buffer.from(bytes.subarray(from, from + 1 + random.int(64)));
    chunk.copy(bytes, position(bytes.length, random));
    return bytes;
  },
  (bytes, random) => {
    const at = position(bytes.length, random);
    return bytes.fill(0, at, Math.min(bytes.length, at + 1 + random.int(32)));
  },
];

export function mutateBytes(bytes: Uint8Array, random: Random): Bytes {
  let out: Bytes = Buffer.from(bytes);
  for (let edits = 1 + random.int(4); edits > 0 && out.length > 0; edits--) out = random.pick(BYTE_EDITS)(out, random);
  return out;
}

/** Values an attacker or a broken writer puts where a model.json expects something else. */
const HOSTILE_VALUES: unknown[] = [
  null,
  true,
  0,
  -1,
  1e308,
  2 ** 53,
  0.5,
  '',
  'ädam',
  '\u001b[2J\u009b31m\u202e',
  '../../outside/secret.bin',
  '/etc/passwd',
  '%2e%2e%2foutside%2fsecret.bin',
  '/dev/zero',
  'model.weights.bin',
  [],
  {},
  [[[1]]],
  'x'.repeat(5000),
];

type Slot = { parent: Record<string, unknown> | unknown[]; key: string | number; path: string };

function slots(value: unknown, path = '', found: Slot[] = []): Slot[] {
  if (value && typeof value === 'object') {
    for (const [key, child] of Object.entries(value)) {
      const slotKey = Array.isArray(value) ? Number(key) : key;
      found.push({ parent: value as Slot['parent'], key: slotKey, path: `${path}.${key}` });
      slots(child, `${path}.${key}`, found);
    }
  }
  return found;
}

function editSlot({ parent, key }: Slot, random: Random): void {
  const record = parent as Record<string | number, unknown>;
  const value = record[key];
  switch (random.int(4)) {
    case 0:
      if (Array.isArray(parent)) parent.splice(Number(key), 1);
      else delete record[key];
      return;
    case 1:
      if (Array.isArray(parent)) parent.splice(Number(key), 0, structuredClone(value));
      else record[key] = [value];
      return;
    case 2:
      record[key] = typeof value === 'number' ? random.pick([-value, value * 1000, value + 1, Math.floor(value / 2)]) : random.pick(HOSTILE_VALUES);
      return;
    default:
      record[key] = random.pick(HOSTILE_VALUES);
  }
}

/** A model.json with a few structural edits (or, one time in four, byte edits of its text). */
export function mutateJson(text: string, random: Random): string {
  if (random.next() < 0.25) return mutateBytes(Buffer.from(text), random).toString('utf8');
  const json: unknown = JSON.parse(text);
  for (let edits = 1 + random.int(3); edits > 0; edits--) {
    const all = slots(json);
    const aimed = all.filter((slot) => /^\.(weightsManifest|userDefinedMetadata)/.test(slot.path));
    const candidates = aimed.length && random.next() < 0.5 ? aimed : all;
    if (candidates.length) editSlot(random.pick(candidates), random);
  }
  return JSON.stringify(json);
}

/** Recomputes every chunk's CRC (over its type and data), so that a damaged PNG gets past the checksum test. */
export function fixPngCrcs(bytes: Bytes): Bytes {
  for (let at = 8; at + 12 <= bytes.length; ) {
    const end = at + 8 + bytes.readUInt32BE(at);
    if (end + 4 > bytes.length) break;
    bytes.writeUInt32BE(crc32(bytes.subarray(at + 4, end)), end);
    at = end + 4;
  }
  return bytes;
}
