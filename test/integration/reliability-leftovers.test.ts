/**
 * What crashed or killed runs leave in the user folder (temp files of atomic writes, the working folders of
 * imports, saves and deletions, model folders an older version began in place) is swept at start. Only entries
 * older than the process and named as those go: the user's files, complete models, a look-alike that is not
 * ours, a symbolic link, and anything newer than the process (another instance's work in progress) all stay.
 */
import { existsSync, lutimesSync, mkdirSync, mkdtempSync, readFileSync, symlinkSync, utimesSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { bytesToBase64 } from '../../src/core/api/base64';
import type { ModelEntry } from '../../src/core/api/contract';
import { AppService } from '../../src/core/service/app-service';
import { sweepLeftovers } from '../../src/core/service/leftovers';
import { BUNDLED_IDS } from '../helpers/bundled-models';

const BUNDLED = fileURLToPath(new URL('../../resources/models', import.meta.url));
const AN_HOUR_AGO = new Date(Date.now() - 3_600_000);

/** Creates `files` (path → content; a trailing slash makes a folder) under `root`, all last changed an hour ago. */
function createOld(root: string, files: Record<string, string>): void {
  const touched = new Set<string>();
  for (const [path, content] of Object.entries(files)) {
    const full = join(root, path);
    mkdirSync(path.endsWith('/') ? full : dirname(full), { recursive: true });
    if (!path.endsWith('/')) writeFileSync(full, content);
    for (let p = full; p.startsWith(`${root}/`); p = dirname(p)) touched.add(p);
  }
  // Deepest first: writing into a folder changes its time.
  for (const path of [...touched].sort((a, b) => b.split('/').length - a.split('/').length)) utimesSync(path, AN_HOUR_AGO, AN_HOUR_AGO);
}

const LEFTOVERS = {
  '.window-state.json.4242.0a1b2c3d.tmp': '{"x":',
  'samples/.sample-20260101000000000-abcdef.json.4242.deadbeef.tmp': '{"version":1,',
  'runs/.run-20260101000000-abcdef.json.4242.deadbeef.tmp': '{"id":',
  'models/.import-Xy12Ab/upload.json': '{}',
  'models/.saving-run-20260101000000-abcdef/model.weights.bin': 'half',
  'models/.deleted-0123456789ab/meta.json': '{}',
  'models/run-20260101000000-aaaaaa/model.json': '{}', // an older version's save, cut before meta.json
  'models/run-20260101000000-aaaaaa/.model.weights.bin.4242.00ff00ff.tmp': 'half',
  'models/import-20260101000000-bbbbbb/': '', // cut right after its folder was made
  'models/.deleted-0123456789ab/': '',
};

/** What the sweep removes of LEFTOVERS: whole working folders, single temp files. */
const SWEPT = [
  '.window-state.json.4242.0a1b2c3d.tmp',
  'models/.deleted-0123456789ab',
  'models/.import-Xy12Ab',
  'models/.saving-run-20260101000000-abcdef',
  'models/import-20260101000000-bbbbbb',
  'models/run-20260101000000-aaaaaa',
  'runs/.run-20260101000000-abcdef.json.4242.deadbeef.tmp',
  'samples/.sample-20260101000000000-abcdef.json.4242.deadbeef.tmp',
];

const KEPT = {
  'window-state.json': '{}',
  'notes.tmp': 'the user named this file',
  '.hidden.1.notatemp.tmp': 'not the temp-file pattern (no 8 hex digits)',
  'samples/sample-20260101000000000-abcdef.json': '{}',
  'runs/run-20260101000000-abcdef.json': '{}',
  'models/run-20260101000000-cccccc/meta.json': '{}', // complete (or damaged: the Models page shows it)
  'models/run-20260101000000-cccccc/model.json': '{}',
  'models/run-20260101000000-dddddd/model.json': '{}', // no meta.json, but a file the writer never makes
  'models/run-20260101000000-dddddd/notes.txt': 'mine',
  'models/My models/model.json': '{}',
  'models/.notes.json.1.0a1b2c3d.tmp/keep.txt': 'named like a temp file, but a folder',
};

describe('leftovers from crashes', () => {
  it('are swept when older than the process and named as temp files or working folders, and nothing else is', async () => {
    const userDir = mkdtempSync(join(tmpdir(), 'digit-studio-leftovers-'));
    createOld(userDir, { ...LEFTOVERS, ...KEPT });
    // Newer than the process: another instance may be writing them right now.
    writeFileSync(join(userDir, '.meta.json.99.12345678.tmp'), 'in progress');
    mkdirSync(join(userDir, 'models', '.saving-run-20260101000000-eeeeee'));
    // A link named like a working folder, pointing outside the user folder.
    const outside = mkdtempSync(join(tmpdir(), 'digit-studio-outside-'));
    writeFileSync(join(outside, 'precious.txt'), 'precious');
    symlinkSync(outside, join(userDir, 'models', '.import-link'));
    lutimesSync(join(userDir, 'models', '.import-link'), AN_HOUR_AGO, AN_HOUR_AGO);

    const removed = await sweepLeftovers(userDir, Date.now() - 60_000);

    expect(removed.map((path) => path.slice(userDir.length + 1)).sort()).toEqual(SWEPT);
    for (const path of SWEPT) expect(existsSync(join(userDir, path)), path).toBe(false);
    for (const path of Object.keys(KEPT)) expect(existsSync(join(userDir, path)), path).toBe(true);
    expect(existsSync(join(userDir, '.meta.json.99.12345678.tmp'))).toBe(true);
    expect(existsSync(join(userDir, 'models', '.saving-run-20260101000000-eeeeee'))).toBe(true);
    expect(existsSync(join(userDir, 'models', '.import-link'))).toBe(true);
    expect(readFileSync(join(outside, 'precious.txt'), 'utf8')).toBe('precious');
  });

  it('are swept when the app starts, and the library lists what is left', async () => {
    const userDir = mkdtempSync(join(tmpdir(), 'digit-studio-leftovers-'));
    createOld(userDir, LEFTOVERS);
    const service = new AppService({ version: 'test', shell: 'web', userDir, bundledModelsDir: BUNDLED });
    await expect.poll(() => existsSync(join(userDir, 'models', '.saving-run-20260101000000-abcdef')), { timeout: 10_000 }).toBe(false);
    const entry = (await service.call('importModel', {
      fileName: 'digit-mlp.json',
      data: bytesToBase64(readFileSync(join(BUNDLED, 'digit-mlp.json'))),
      weightsData: bytesToBase64(readFileSync(join(BUNDLED, 'digit-mlp.weights.bin'))),
    })) as ModelEntry;
    expect(((await service.call('listModels', {})) as ModelEntry[]).map((m) => m.id)).toEqual([...BUNDLED_IDS, entry.id]);
    expect(await service.call('listDamagedModels', {})).toEqual([]);
  });
});
