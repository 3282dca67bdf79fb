import { describe, expect, it } from 'vitest';
import { compileEngine } from '../../../src/core/training/engine/build';
import { ENGINE_BUILDS, ENGINE_MEMORIES } from '../../../src/core/training/engine/builds';
import { engineBinary } from '../../../src/core/training/engine/runtime';

const VARIANTS = ENGINE_BUILDS.flatMap((build) => ENGINE_MEMORIES.map((memory) => [build, memory] as const));

describe('engine build', () => {
  it.each(VARIANTS)('the committed %s module (%s memory) is what the AssemblyScript sources compile to', async (build, memory) => {
    const fresh = await compileEngine(build, memory);
    const committed = engineBinary(build, memory);
    // Run `npx tsx src/core/training/engine/build.ts` after changing src/core/training/engine/kernel/.
    expect(committed.length).toBe(fresh.length);
    expect(Buffer.from(committed).equals(Buffer.from(fresh))).toBe(true);
  });
});
