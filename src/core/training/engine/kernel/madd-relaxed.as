// Relaxed-SIMD build: fused multiply-add where the CPU has it.
@inline export function madd(a: v128, b: v128, c: v128): v128 {
  return f32x4.relaxed_madd(a, b, c);
}
