import { describe, expect, it } from 'vitest';
import { DEFAULT_SERVER_VAD, EnergyVad } from './energy-vad.js';

const RATE = 24_000;

function tone(ms: number, amplitude = 8_000): Int16Array {
  const samples = new Int16Array((RATE * ms) / 1000);
  for (let i = 0; i < samples.length; i += 1)
    samples[i] = Math.round(amplitude * Math.sin((2 * Math.PI * 220 * i) / RATE));
  return samples;
}

function quiet(ms: number): Int16Array {
  return new Int16Array((RATE * ms) / 1000);
}

describe('EnergyVad', () => {
  it('starts at the first loud frame and stops after the silence window, at the end of the speech', () => {
    const vad = new EnergyVad(RATE, { ...DEFAULT_SERVER_VAD, silenceDurationMs: 350 });
    expect(vad.push(quiet(500))).toEqual([]);
    expect(vad.push(tone(800))).toEqual([{ type: 'speech_started', atMs: 500 }]);
    expect(vad.push(quiet(300))).toEqual([]);
    expect(vad.push(quiet(100))).toEqual([{ type: 'speech_stopped', atMs: 1_300 }]);
  });

  it('bridges pauses shorter than the silence window and ignores clicks', () => {
    const vad = new EnergyVad(RATE, { ...DEFAULT_SERVER_VAD, silenceDurationMs: 350 });
    const events = [tone(30), quiet(500), tone(400), quiet(200), tone(400), quiet(500)].flatMap(
      (chunk) => vad.push(chunk),
    );
    expect(events).toEqual([
      { type: 'speech_started', atMs: 530 },
      { type: 'speech_stopped', atMs: 1_530 },
    ]);
  });

  it('hears quiet speech only with a low threshold', () => {
    const soft = (): Int16Array => tone(300, 100); // about -50 dBFS
    expect(new EnergyVad(RATE, DEFAULT_SERVER_VAD).push(soft())).toEqual([]);
    expect(
      new EnergyVad(RATE, { ...DEFAULT_SERVER_VAD, threshold: 0.2 }).push(soft()),
    ).toHaveLength(1);
  });
});
