/**
 * Checked reads through h5wasm: every attribute and dataset is checked for type and size (from its metadata)
 * before its data is read, so a damaged or hostile file cannot make the reader allocate absurd amounts of memory.
 * A failure is an H5Problem whose message says what could not be read and why.
 */
import { takeHdf5Error, type H5 } from './h5wasm-runtime';

/** A problem with the file's content, reported to the user as it is. */
export class H5Problem extends Error {}

type Lib = H5['lib'];
export type H5Group = InstanceType<Lib['Group']>;

// HDF5 type classes (H5T_class_t) as h5wasm reports them in metadata.type.
const INTEGER = 0;
const FLOAT = 1;
const STRING = 3;
const MAX_STRINGS = 100_000;
const MAX_STRING_BYTES = 16 * 1024 * 1024;

/** Runs an h5wasm call; a failure inside HDF5 becomes an H5Problem. WebAssembly traps pass through unchanged. */
export function hdf5<T>(what: string, fn: () => T): T {
  try {
    return fn();
  } catch (error) {
    if (error instanceof H5Problem || (error instanceof Error && error.name === 'RuntimeError')) throw error;
    const reason = takeHdf5Error() ?? (error instanceof Error ? error.message : String(error));
    throw new H5Problem(`HDF5 cannot ${what}: ${reason}`);
  }
}

export function attributeNames(target: H5Group): string[] {
  return hdf5(`list the attributes of ${target.path}`, () => Object.keys(target.attrs));
}

/** The attribute's value after checking its size, or undefined when there is no such attribute. */
function attributeValue(target: H5Group, name: string, label: string): { value: unknown; type: number } | undefined {
  const attribute = hdf5(`read ${label}`, () => target.attrs[name]);
  if (!attribute) return undefined;
  const { type, size, vlen, total_size: count } = attribute.metadata;
  if (count > MAX_STRINGS || (!vlen && count * size > MAX_STRING_BYTES)) throw new H5Problem(`${label} is implausibly large (${count} values)`);
  return { value: hdf5(`read ${label}`, () => attribute.value), type };
}

/** A scalar string attribute (fixed or variable length), or null when absent. */
export function stringAttribute(target: H5Group, name: string, label = `attribute ${name}`): string | null {
  const attribute = attributeValue(target, name, label);
  if (!attribute) return null;
  if (attribute.type !== STRING || typeof attribute.value !== 'string') throw new H5Problem(`${label} is not a single string`);
  return attribute.value;
}

/** A 1-D array of strings, or null when absent. Keras writes an empty list as an empty float array. */
export function stringListAttribute(target: H5Group, name: string, label = `attribute ${name}`): string[] | null {
  const attribute = attributeValue(target, name, label);
  if (!attribute) return null;
  const { value, type } = attribute;
  if ((type === FLOAT || type === INTEGER) && ArrayBuffer.isView(value) && value.byteLength === 0) return [];
  if (type !== STRING) throw new H5Problem(`${label} is not a list of strings`);
  if (typeof value === 'string') throw new H5Problem(`${label} is a single string, not a list of names (Keras reads it character by character)`);
  if (!Array.isArray(value) || value.some((v) => typeof v !== 'string')) throw new H5Problem(`${label} is not a list of strings`);
  return value as string[];
}

/** The child group `name`, or null when there is none (or it is not a group). */
export function childGroup(h5: H5, parent: H5Group, name: string): H5Group | null {
  const entity = hdf5(`open ${parent.path}/${name}`, () => parent.get(name));
  return entity instanceof h5.lib.Group ? entity : null;
}

function shapeText(shape: readonly number[] | null): string {
  return shape ? `[${shape.join(', ')}]` : 'no shape';
}

/** A float32/float64 dataset of exactly `shape`, returned as a Float32Array that owns its buffer. */
export function floatDataset(h5: H5, parent: H5Group, path: string, shape: readonly number[], label: string): Float32Array {
  const dataset = hdf5(`open ${label}`, () => parent.get(path));
  if (!(dataset instanceof h5.lib.Dataset)) throw new H5Problem(`${label} is missing`);
  const metadata = hdf5(`read the type of ${label}`, () => dataset.metadata);
  if (metadata.type !== FLOAT || (metadata.size !== 4 && metadata.size !== 8) || !metadata.littleEndian) {
    throw new H5Problem(`${label} is stored as ${metadata.type === FLOAT ? `${metadata.size * 8}-bit ${metadata.littleEndian ? '' : 'big-endian '}floats` : 'non-float data'}; Keras weights are float32`);
  }
  const actual = metadata.shape;
  if (!actual || actual.length !== shape.length || actual.some((d, i) => d !== shape[i])) {
    throw new H5Problem(`${label} has shape ${shapeText(actual)}; the model_config needs ${shapeText(shape)}`);
  }
  const value = hdf5(`read ${label}`, () => dataset.value);
  const expected = shape.reduce((a, b) => a * b, 1);
  if (!(value instanceof Float32Array || value instanceof Float64Array) || value.length !== expected) {
    throw new H5Problem(`${label} did not read back as ${expected} floats`);
  }
  return Float32Array.from(value);
}
