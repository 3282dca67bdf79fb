/**
 * The fuzz run shared by CI (test/integration/fuzz-inputs.test.ts, a few hundred cases) and `npm run fuzz`
 * (thousands): mutated model.json, .h5, .tflite, IDX and PNG inputs, each in its own folder beside a secret file,
 * run through the CLI commands and the import API (runCase.ts). Memory is checked after every case.
 */
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { AppService } from '../../src/core/service/app-service';
import { writeSecret } from '../helpers/hostile-files';
import { Random } from './mutate';
import { FORMATS, prepareCase, runAsProcess, runInProcess, type Format } from './run-case';
import { makeSeeds } from './seeds';

export interface FuzzOptions {
  cases: number;
  seed: number;
  /** Every n-th case also runs as a real digit-studio process. */
  spawnEvery: number;
  /** Called after each case (progress for long runs). */
  onCase?: (index: number) => void;
}

export interface FuzzSummary {
  cases: number;
  seed: number;
  seconds: number;
  processes: number;
  peakRssMb: number;
  byFormat: Record<Format, { accepted: number; refused: number }>;
  /** "case 17 (png): crash: …"; empty when every case ended as it should. */
  findings: string[];
}

const BUNDLED = fileURLToPath(new URL('../../resources/models', import.meta.url));
const MAX_RSS_BYTES = 1024 * 2 ** 20;

/** Files under `dir` that hold `marker`. */
function filesHolding(dir: string, marker: string): string[] {
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .map((name) => join(dir, name))
    .filter((path) => statSync(path).isFile() && readFileSync(path).includes(marker));
}

export async function runFuzz(options: FuzzOptions): Promise<FuzzSummary> {
  const started = Date.now();
  const root = mkdtempSync(join(tmpdir(), 'digit-studio-fuzz-'));
  try {
    mkdirSync(join(root, 'outside'));
    mkdirSync(join(root, 'user'));
    const { marker } = writeSecret(join(root, 'outside'));
    const seeds = await makeSeeds(join(root, 'seeds'));
    const service = new AppService({ version: 'fuzz', shell: 'web', userDir: join(root, 'user'), bundledModelsDir: BUNDLED });
    const byFormat = Object.fromEntries(FORMATS.map((f) => [f, { accepted: 0, refused: 0 }])) as FuzzSummary['byFormat'];
    const findings: string[] = [];
    let processes = 0;
    let peakRss = 0;
    for (let index = 0; index < options.cases; index++) {
      // Case by case from its own seed: any finding can be replayed alone with the same seed and index.
      const random = new Random(options.seed * 1_000_003 + index);
      const format = FORMATS[index % FORMATS.length];
      const dir = join(root, 'cases', String(index));
      mkdirSync(dir, { recursive: true });
      const fuzzCase = prepareCase(seeds, format, dir, random);
      const { accepted, problems } = await runInProcess(fuzzCase, service, marker);
      byFormat[format][accepted ? 'accepted' : 'refused']++;
      if (index % options.spawnEvery === 0) {
        processes++;
        problems.push(...(await runAsProcess(fuzzCase, marker)));
      }
      peakRss = Math.max(peakRss, process.memoryUsage().rss);
      if (process.memoryUsage().rss > MAX_RSS_BYTES) problems.push(`memory ${Math.round(process.memoryUsage().rss / 2 ** 20)} MB`);
      findings.push(...problems.map((problem) => `case ${index} (${format}, ${fuzzCase.args.join(' ')}): ${problem}`));
      rmSync(dir, { recursive: true, force: true });
      options.onCase?.(index);
    }
    findings.push(...filesHolding(join(root, 'user'), marker).map((file) => `the library holds the secret: ${file}`));
    return { cases: options.cases, seed: options.seed, seconds: (Date.now() - started) / 1000, processes, peakRssMb: Math.round(peakRss / 2 ** 20), byFormat, findings };
  } finally {
    rmSync(root, { recursive: true, force: true });
  }
}
