/** The engine's compiled modules, fastest first: relaxed SIMD (fused multiply-add) where supported, else SIMD128. */
export const ENGINE_BUILDS = ['relaxed', 'simd'] as const;
export type EngineBuild = (typeof ENGINE_BUILDS)[number];

/**
 * Each build twice: with its own memory (one thread), and importing a shared memory that two workers' instances
 * run on (SharedArrayBuffer; the module declares it 1 page initially and at most SHARED_MAX_PAGES).
 */
export const ENGINE_MEMORIES = ['own', 'shared'] as const;
export type EngineMemory = (typeof ENGINE_MEMORIES)[number];

/** 2 GiB in 64 KiB pages: the most engine memory a run may take. */
export const SHARED_MAX_PAGES = 32768;
