import { describe, expect, it } from 'vitest';
import { LinearResampler } from './linear-resampler.js';

function sine(length: number, rate: number, hz: number): Int16Array {
  return Int16Array.from({ length }, (_, i) =>
    Math.round(10_000 * Math.sin((2 * Math.PI * hz * i) / rate)),
  );
}

describe('LinearResampler', () => {
  it('makes 24000 samples of 22050, the same tone, whatever the chunking', () => {
    const input = sine(22_050, 22_050, 440);
    const whole = new LinearResampler(22_050, 24_000).push(input);
    const chunked = new LinearResampler(22_050, 24_000);
    const parts: number[] = [];
    for (let offset = 0; offset < input.length; offset += 1_001) {
      parts.push(...chunked.push(input.subarray(offset, offset + 1_001)));
    }
    expect(Math.abs(whole.length - 24_000)).toBeLessThanOrEqual(1);
    expect(parts).toEqual([...whole]);
    const expected = sine(whole.length, 24_000, 440);
    const worst = Math.max(...whole.map((sample, i) => Math.abs(sample - (expected[i] ?? 0))));
    expect(worst).toBeLessThan(100);
  });
});
