/** The engine's compiled modules, fastest first: relaxed SIMD (fused multiply-add) where supported, else SIMD128. */
export const ENGINE_BUILDS = ['relaxed', 'simd'] as const;
export type EngineBuild = (typeof ENGINE_BUILDS)[number];
