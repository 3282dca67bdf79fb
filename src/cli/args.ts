import { parseArgs, type ParseArgsConfig } from 'node:util';
import { firstLine } from '../core/api/first-line';

/** A mistake in how the CLI was called: printed as one line, exit code 2. */
export class UsageError extends Error {}

type Options = NonNullable<ParseArgsConfig['options']>;

export interface ParsedCommand {
  values: Record<string, string | boolean | undefined>;
  positionals: string[];
}

export function parseCommand(argv: string[], options: Options, positionalNames: string[]): ParsedCommand {
  let parsed;
  try {
    parsed = parseArgs({ args: argv, options, allowPositionals: true, strict: true });
  } catch (error) {
    // node:util messages are multi-line and mention internals; keep the first line.
    throw new UsageError(firstLine(error));
  }
  if (parsed.positionals.length !== positionalNames.length) {
    const expected = positionalNames.length ? positionalNames.map((n) => `<${n}>`).join(' ') : 'no arguments';
    throw new UsageError(`expected ${expected}, got ${parsed.positionals.length ? parsed.positionals.join(' ') : 'none'}`);
  }
  return { values: parsed.values as ParsedCommand['values'], positionals: parsed.positionals };
}

export function integerFlag(values: ParsedCommand['values'], name: string): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  if (typeof raw !== 'string' || !/^\d+$/.test(raw.trim())) throw new UsageError(`--${name}: expected a whole number, got '${String(raw)}'`);
  return Number(raw);
}

export function numberFlag(values: ParsedCommand['values'], name: string): number | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const value = typeof raw === 'string' && raw.trim() !== '' ? Number(raw) : NaN;
  if (!Number.isFinite(value)) throw new UsageError(`--${name}: expected a number, got '${String(raw)}'`);
  return value;
}

export function choiceFlag<T extends string>(values: ParsedCommand['values'], name: string, choices: readonly T[]): T | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  if (!choices.includes(raw as T)) throw new UsageError(`--${name}: expected one of ${choices.join('|')}, got '${String(raw)}'`);
  return raw as T;
}

/** "128,64" → [128, 64] */
export function listFlag(values: ParsedCommand['values'], name: string): number[] | undefined {
  const raw = values[name];
  if (raw === undefined) return undefined;
  const parts = String(raw).split(',');
  if (parts.some((p) => !/^\d+$/.test(p.trim()))) throw new UsageError(`--${name}: expected comma-separated whole numbers like 128,128, got '${String(raw)}'`);
  return parts.map(Number);
}
