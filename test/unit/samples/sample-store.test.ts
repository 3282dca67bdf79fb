import { mkdtempSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SAMPLE_LIMIT, SampleStore } from '../../../src/core/service/sample-store';

const STROKES = [{ points: [10, 10, 10, 60, 11, 120], widths: [8, 8, 9] }];
const input = (value: number): Uint8Array => new Uint8Array(784).fill(value);

function newStore(limit?: number): SampleStore {
  return new SampleStore(mkdtempSync(join(tmpdir(), 'digit-studio-samples-')), limit);
}

afterEach(() => vi.restoreAllMocks());

describe('SampleStore', () => {
  it('keeps a drawing as one JSON file with its strokes and the 784-byte input, and lists it', async () => {
    const store = newStore();
    const saved = await store.add(3, STROKES, input(200));
    expect(saved.id).toMatch(/^sample-\d{17}-[0-9a-f]{6}$/);
    expect(readdirSync(store.dir)).toEqual([`${saved.id}.json`]);
    const file = JSON.parse(readFileSync(join(store.dir, `${saved.id}.json`), 'utf8'));
    expect(file).toMatchObject({ version: 1, id: saved.id, label: 3, strokes: STROKES });
    expect(Buffer.from(file.pixels, 'base64')).toEqual(Buffer.alloc(784, 200));
    expect(await store.list()).toEqual([saved]);
  });

  it('lists newest first, relabels and deletes', async () => {
    const store = newStore();
    const first = await store.add(1, STROKES, input(1));
    const second = await store.add(2, STROKES, input(2));
    expect((await store.list()).map((s) => s.id)).toEqual([second.id, first.id]);
    expect((await store.relabel(first.id, 7)).label).toBe(7);
    expect((await store.list()).map((s) => s.label)).toEqual([2, 7]);
    await store.delete(second.id);
    expect((await store.list()).map((s) => s.id)).toEqual([first.id]);
    await expect(store.delete(second.id)).rejects.toThrow(`sample ${second.id} does not exist`);
    await expect(store.relabel(second.id, 1)).rejects.toThrow(`sample ${second.id} does not exist`);
  });

  it('gives the samples as a digit set, oldest first', async () => {
    const store = newStore();
    await store.add(5, STROKES, input(5));
    await store.add(9, STROKES, input(9));
    const set = await store.digitSet();
    expect(set).toMatchObject({ count: 2, rows: 28, cols: 28 });
    expect(Array.from(set.labels)).toEqual([5, 9]);
    expect([set.pixels[0], set.pixels[783], set.pixels[784], set.pixels[1567]]).toEqual([5, 5, 9, 9]);
  });

  it('reports and skips damaged files; a damaged sample can still be deleted', async () => {
    const store = newStore();
    const good = await store.add(4, STROKES, input(4));
    writeFileSync(join(store.dir, 'sample-broken.json'), '{"version":1,');
    writeFileSync(join(store.dir, 'sample-badlabel.json'), JSON.stringify({ ...JSON.parse(readFileSync(join(store.dir, `${good.id}.json`), 'utf8')), id: 'sample-badlabel', label: 12 }));
    writeFileSync(join(store.dir, 'sample-moved.json'), readFileSync(join(store.dir, `${good.id}.json`)));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => undefined);
    expect((await store.list()).map((s) => s.id)).toEqual([good.id]);
    expect(warn).toHaveBeenCalledTimes(3);
    expect(warn.mock.calls.map((c) => String(c[0])).join('\n')).toMatch(/sample-badlabel\.json: not a valid sample: label/);
    await expect(store.relabel('sample-broken', 1)).rejects.toThrow(/sample sample-broken cannot be read/);
    await store.delete('sample-broken');
    expect(readdirSync(store.dir)).not.toContain('sample-broken.json');
  });

  it('refuses ids that could leave the folder', async () => {
    const store = newStore();
    await expect(store.relabel('../models/x', 1)).rejects.toThrow(/not a sample id/);
    await expect(store.delete('a/b')).rejects.toThrow(/not a sample id/);
  });

  it(`keeps at most ${SAMPLE_LIMIT} drawings by default, also when saves arrive together`, async () => {
    expect(newStore().limit).toBe(1000);
    const store = newStore(6);
    await Promise.all(Array.from({ length: 4 }, () => store.add(0, STROKES, input(0))));
    const results = await Promise.allSettled(Array.from({ length: 4 }, () => store.add(1, STROKES, input(1))));
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(2);
    expect(results.find((r) => r.status === 'rejected')?.reason.message).toMatch(/6 saved drawings, the most Digit Studio keeps: delete some/);
    expect(readdirSync(store.dir).filter((f) => f.endsWith('.json'))).toHaveLength(6);
  });
});
