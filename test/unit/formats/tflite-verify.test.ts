import { describe, expect, it } from 'vitest';
import { verificationProblem, type TfliteVerification } from '../../../src/core/formats/tflite/verify';

const exact: TfliteVerification = { runtime: 'LiteRT.js', samples: 10_000, accuracy: 0.9767, sourceAccuracy: 0.9767, agreement: 1, maxAbsDiff: 1.4e-6, seconds: 3 };

describe('what counts as a verified export', () => {
  it('float32 must reproduce the source model: every digit, probabilities within 1e-5', () => {
    expect(verificationProblem('none', exact)).toBeNull();
    expect(verificationProblem('none', { ...exact, agreement: 0.9999 })).toMatch(/only 99\.99% of the images/);
    expect(verificationProblem('none', { ...exact, maxAbsDiff: 2e-5 })).toMatch(/differ .* by up to 2\.00e-5/);
  });

  it('float16 must predict the same digit for ≥ 99.9 % of the images; its probabilities may move', () => {
    expect(verificationProblem('float16', { ...exact, agreement: 0.999, maxAbsDiff: 1e-3 })).toBeNull();
    expect(verificationProblem('float16', { ...exact, agreement: 0.9989 })).toMatch(/99\.89%/);
  });

  it('int8 may lose at most half a point of accuracy', () => {
    expect(verificationProblem('int8', { ...exact, accuracy: 0.9718, agreement: 0.99, maxAbsDiff: 0.2 })).toBeNull();
    expect(verificationProblem('int8', { ...exact, accuracy: 0.9716 })).toMatch(/97\.16% is more than 0\.5 points below the source model's 97\.67%/);
  });
});
