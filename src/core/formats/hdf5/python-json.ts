/**
 * JSON as Python's json.dumps writes it, for the configs Keras reads with json.loads. JSON has one number type but
 * Python has two: json.loads('0') is an int, and Keras 3 rejects an int where it checks for a float
 * (SGD(momentum=0) raises "`momentum` must be a float"). Numbers wrapped in PyFloat are written as floats ("0.0").
 */
export class PyFloat {
  constructor(readonly value: number) {}
}

export function pythonJson(value: unknown): string {
  if (value instanceof PyFloat) {
    const text = JSON.stringify(value.value);
    return /^-?\d+$/.test(text) ? `${text}.0` : text;
  }
  if (Array.isArray(value)) return `[${value.map(pythonJson).join(', ')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value).filter(([, v]) => v !== undefined);
    return `{${entries.map(([key, v]) => `${JSON.stringify(key)}: ${pythonJson(v)}`).join(', ')}}`;
  }
  return JSON.stringify(value);
}
