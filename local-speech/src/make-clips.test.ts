import { mkdtemp, readFile, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CLIP_WAV_RATE, makePersonaClips, readClipManifest } from './make-clips.js';
import { personaLines } from './persona-lines.js';
import { decodeWav, rmsLevel } from './wav.js';

let directory: string;

beforeAll(async () => {
  directory = await mkdtemp(join(tmpdir(), 'clips-test-'));
});

afterAll(async () => {
  await rm(directory, { recursive: true, force: true });
});

describe('makePersonaClips', () => {
  it("writes each of the persona's lines as μ-law 8 kHz and WAV 48 kHz, with a manifest", async () => {
    const { manifest, path } = await makePersonaClips('callback', { directory });
    expect(path).toBe(join(directory, 'callback', 'manifest.json'));
    expect(await readClipManifest(path)).toEqual(manifest);
    expect(manifest.clips.map((clip) => clip.text)).toEqual(await personaLines('callback'));
    expect(manifest.clips.map((clip) => clip.index)).toEqual(
      manifest.clips.map((_, index) => index),
    );
    for (const clip of manifest.clips) {
      const wav = decodeWav(await readFile(join(directory, 'callback', clip.wav)));
      expect(wav.sampleRate).toBe(CLIP_WAV_RATE);
      expect(Math.abs((wav.samples.length / CLIP_WAV_RATE) * 1000 - clip.durationMs)).toBeLessThan(
        2,
      );
      expect(rmsLevel(wav.samples)).toBeGreaterThan(0.03);
      // Headerless μ-law: one byte per sample at 8 kHz.
      const mulaw = await stat(join(directory, 'callback', clip.mulaw));
      expect(Math.abs(mulaw.size / 8 - clip.durationMs)).toBeLessThan(2);
      expect(clip.durationMs).toBeGreaterThan(1_000);
      expect(clip.durationMs).toBeLessThan(6_000);
    }
  });

  it('reuses clips already made, and is the same file on every run', async () => {
    const first = await makePersonaClips('optout', { directory });
    const clip = first.manifest.clips[0]!;
    const before = await stat(join(directory, 'optout', clip.mulaw));
    const bytes = await readFile(join(directory, 'optout', clip.mulaw));
    const second = await makePersonaClips('optout', { directory });
    expect(second.manifest).toEqual(first.manifest);
    expect((await stat(join(directory, 'optout', clip.mulaw))).mtimeMs).toBe(before.mtimeMs);
    await rm(join(directory, 'optout', clip.mulaw));
    await makePersonaClips('optout', { directory });
    expect((await readFile(join(directory, 'optout', clip.mulaw))).equals(bytes)).toBe(true);
  });

  it('follows the job and resume given, not only the sample ones', async () => {
    const { SAMPLE_RESUME } = await import('@screenline/core');
    const { manifest } = await makePersonaClips('qualified', {
      directory,
      resume: { ...SAMPLE_RESUME, name: 'Sam Lee' },
    });
    // Identity first: the candidate confirms who they are by the resume's name.
    expect(manifest.clips.map((clip) => clip.text)).toContain('Yes, this is Sam.');
  });
});
