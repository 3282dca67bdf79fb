// SIMD128 build: multiply, then add (two roundings).
@inline export function madd(a: v128, b: v128, c: v128): v128 {
  return f32x4.add(f32x4.mul(a, b), c);
}
