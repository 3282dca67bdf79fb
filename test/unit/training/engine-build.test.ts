import { describe, expect, it } from 'vitest';
import { compileEngine } from '../../../src/core/training/engine/build';
import { ENGINE_BUILDS } from '../../../src/core/training/engine/builds';
import { engineBinary } from '../../../src/core/training/engine/runtime';

describe('engine build', () => {
  it.each(ENGINE_BUILDS)('the committed %s module is what the AssemblyScript sources compile to', async (build) => {
    const fresh = await compileEngine(build);
    const committed = engineBinary(build);
    // Run `npx tsx src/core/training/engine/build.ts` after changing src/core/training/engine/kernel/.
    expect(committed.length).toBe(fresh.length);
    expect(Buffer.from(committed).equals(Buffer.from(fresh))).toBe(true);
  });
});
