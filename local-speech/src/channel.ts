import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { decodeWav, type Pcm16 } from './wav.js';

const run = promisify(execFile);

/** How a clip reaches the agent: over the phone (G.711 μ-law, 8 kHz) or from the browser (wideband). */
export type Channel = 'phone' | 'browser';

/**
 * A clip as the agent's STT receives it: decoded from the μ-law file the phone plays (8 kHz, the
 * telephone band) or from the WAV the browser plays, then resampled to `sampleRate` (the OpenAI
 * plugin's 24 kHz). Repeatable by default (fixed dither); `isRepeatable: false` gives each call
 * its own dither, which the bench uses to see how stable recognition is. Opus in the browser path is not simulated: sox has no Opus encoder here.
 */
export async function clipAsHeard(
  clip: { mulaw: string; wav: string },
  channel: Channel,
  options: { sampleRate?: number; isRepeatable?: boolean } = {},
): Promise<Pcm16> {
  const sampleRate = options.sampleRate ?? 24_000;
  // Without -R, sox dithers differently on each run: a small, real variation of the line.
  const repeatable = options.isRepeatable === false ? [] : ['-R'];
  const input =
    channel === 'phone' ? ['-t', 'ul', '-r', '8000', '-c', '1', clip.mulaw] : [clip.wav];
  const { stdout } = await run(
    'sox',
    [
      '-q',
      ...repeatable,
      ...input,
      '-t',
      'wav',
      '-r',
      String(sampleRate),
      '-b',
      '16',
      '-e',
      'signed',
      '-c',
      '1',
      '-',
    ],
    { encoding: 'buffer', maxBuffer: 256 * 1024 * 1024 },
  );
  return decodeWav(stdout);
}
