/**
 * One fuzz case: a mutated input written into a folder of its own, run through the CLI command that reads it (in
 * this process, and for a sample also as a real `digit-studio` process) and, for model files, through the import
 * API. The verdict lists what went wrong, if anything: an error that is not one of the app's own one-line errors
 * (a crash), internal wording, a hang, a read of the secret outside the folder, or terminal escapes in the output.
 */
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { ApiError } from '../../src/core/api/contract';
import { IdxError } from '../../src/core/dataset';
import { ModelFileError } from '../../src/core/formats/model-error';
import { FileReadError } from '../../src/core/fs/regular-file';
import { ImageDecodeError } from '../../src/core/preprocess/png';
import type { AppService } from '../../src/core/service/app-service';
import { ConfigError } from '../../src/core/api/train-config';
import { UsageError } from '../../src/cli/args';
import { evaluateCommand } from '../../src/cli/commands/evaluate';
import { CommandFailed } from '../../src/cli/commands/failure';
import { infoCommand } from '../../src/cli/commands/info';
import { predictCommand } from '../../src/cli/commands/predict';
import { runCliWithin } from '../helpers/hostile-files';
import { fixPngCrcs, mutateBytes, mutateJson, type Random } from './mutate';
import { IDX_FILES, type Seeds } from './seeds';

export const FORMATS = ['model.json', 'h5', 'tflite', 'idx', 'png'] as const;
export type Format = (typeof FORMATS)[number];

export interface FuzzCase {
  format: Format;
  /** digit-studio's arguments for this input. */
  args: string[];
  /** For model files: the same input as an upload to the import API. */
  upload?: { fileName: string; data: string; weightsData?: string };
}

const HANG_MS = 30_000;
const APP_ERRORS = [ModelFileError, FileReadError, IdxError, ImageDecodeError, CommandFailed, UsageError, ConfigError, ApiError];
/** Messages that mean the code met a case it does not handle, whatever error class carries them. */
const INTERNAL_WORDING = /is not a function|Cannot read properties of|is not iterable|Maximum call stack|Invalid array length|out of memory/;
const UNSAFE_OUTPUT = /[\p{Cc}\p{Bidi_Control}]/u;
const COMMANDS: Record<string, (argv: string[]) => Promise<void>> = { info: infoCommand, evaluate: evaluateCommand, predict: predictCommand };

const base64 = (bytes: Uint8Array): string => Buffer.from(bytes).toString('base64');
const withJson = (args: string[], random: Random): string[] => (random.next() < 0.5 ? [...args, '--json'] : args);

/** Writes a mutated input of `format` into `dir`. */
export function prepareCase(seeds: Seeds, format: Format, dir: string, random: Random): FuzzCase {
  switch (format) {
    case 'model.json': {
      const json = mutateJson(seeds.modelJson, random);
      const weights = random.next() < 0.2 ? mutateBytes(seeds.weights, random) : seeds.weights;
      writeFileSync(join(dir, 'model.json'), json);
      writeFileSync(join(dir, 'model.weights.bin'), weights);
      return { format, args: withJson(['info', join(dir, 'model.json')], random), upload: { fileName: 'fuzz.json', data: base64(Buffer.from(json)), weightsData: base64(weights) } };
    }
    case 'h5': {
      const bytes = mutateBytes(seeds.h5, random);
      writeFileSync(join(dir, 'model.h5'), bytes);
      return { format, args: withJson(['info', join(dir, 'model.h5')], random), upload: { fileName: 'fuzz.h5', data: base64(bytes) } };
    }
    case 'tflite':
      writeFileSync(join(dir, 'model.tflite'), mutateBytes(random.pick(seeds.tflite), random));
      return { format, args: withJson(['info', join(dir, 'model.tflite')], random) };
    case 'idx': {
      const damaged = random.pick(IDX_FILES);
      for (const name of IDX_FILES) writeFileSync(join(dir, name), name === damaged ? mutateBytes(seeds.idx[name], random) : seeds.idx[name]);
      return { format, args: withJson(['evaluate', seeds.modelJsonPath, '--data-dir', dir], random) };
    }
    case 'png': {
      const bytes = mutateBytes(random.pick(seeds.png), random);
      writeFileSync(join(dir, 'digit.png'), random.next() < 0.5 ? fixPngCrcs(bytes) : bytes);
      return { format, args: withJson(['predict', seeds.modelJsonPath, join(dir, 'digit.png')], random) };
    }
  }
}

function errorProblems(error: unknown, marker: string): string[] {
  const message = error instanceof Error ? error.message : String(error);
  const problems: string[] = [];
  if (!APP_ERRORS.some((type) => error instanceof type)) problems.push(`crash: ${error instanceof Error ? (error.stack ?? message).split('\n').slice(0, 3).join(' | ') : message}`);
  if (INTERNAL_WORDING.test(message)) problems.push(`internal wording: ${message}`);
  if (message.includes(marker)) problems.push('an error shows the secret');
  return problems;
}

/** Runs `run` with console.log collected; a run that does not settle in time is reported as hung. */
async function collected(run: () => Promise<unknown>): Promise<{ lines: string[]; error?: unknown; hung?: true }> {
  const lines: string[] = [];
  const log = console.log;
  console.log = (...args: unknown[]) => lines.push(args.join(' '));
  let timer: NodeJS.Timeout | undefined;
  const hang = new Promise<'hung'>((resolve) => (timer = setTimeout(() => resolve('hung'), HANG_MS)));
  try {
    const outcome = await Promise.race([run().then(() => 'done' as const), hang]);
    return outcome === 'hung' ? { lines, hung: true } : { lines };
  } catch (error) {
    return { lines, error };
  } finally {
    clearTimeout(timer);
    console.log = log;
  }
}

/** Runs the case in this process (command and import); returns its problems and whether the input was accepted. */
export async function runInProcess(fuzzCase: FuzzCase, service: AppService, marker: string): Promise<{ accepted: boolean; problems: string[] }> {
  const [command, ...argv] = fuzzCase.args;
  const cli = await collected(() => COMMANDS[command](argv));
  const problems = cli.hung ? [`hung over ${HANG_MS / 1000} s`] : cli.error === undefined ? [] : errorProblems(cli.error, marker);
  const output = cli.lines.join('\n');
  if (output.split('\n').some((line) => UNSAFE_OUTPUT.test(line))) problems.push('terminal escapes in the output');
  if (output.includes(marker)) problems.push('the output shows the secret');
  if (fuzzCase.upload) {
    const upload = fuzzCase.upload;
    const imported = await collected(() => service.call('importModel', upload));
    if (imported.hung) problems.push(`import hung over ${HANG_MS / 1000} s`);
    if (imported.error !== undefined) problems.push(...errorProblems(imported.error, marker).map((p) => `import: ${p}`));
  }
  return { accepted: cli.error === undefined && !cli.hung, problems };
}

/** Runs the case as a real digit-studio process: exit 0, or exit 1 with one error line; never a stack trace. */
export async function runAsProcess(fuzzCase: FuzzCase, marker: string): Promise<string[]> {
  const result = await runCliWithin(fuzzCase.args, HANG_MS);
  const problems: string[] = [];
  if (result.hung) problems.push(`process hung over ${HANG_MS / 1000} s`);
  else if (result.code !== 0 && result.code !== 1) problems.push(`process exit code ${result.code}: ${result.stderr.slice(0, 300)}`);
  else if (result.code === 1 && !/^digit-studio: error: [^\n]*\n$/.test(result.stderr)) problems.push(`process stderr is not one error line: ${result.stderr.slice(0, 300)}`);
  if (/\n\s+at /.test(result.stderr)) problems.push('process printed a stack trace');
  if ((result.stdout + result.stderr).includes(marker)) problems.push('process output shows the secret');
  if (result.stdout.split('\n').some((line) => UNSAFE_OUTPUT.test(line))) problems.push('terminal escapes in the process output');
  return problems;
}
