import { execFile } from 'node:child_process';
import { createHash } from 'node:crypto';
import { access, mkdir, readFile, rename, rm, writeFile } from 'node:fs/promises';
import { join, relative } from 'node:path';
import { promisify } from 'node:util';
import type { PersonaName } from '@screenline/core';
import { personaLines, type ScreenSubject } from './persona-lines.js';
import { decodeWav, durationMs } from './wav.js';

const run = promisify(execFile);

/** The candidate's voice: distinct from every voice the agent's speech server uses. */
export const CANDIDATE_VOICE = 'en-us+klatt4';
export const CANDIDATE_WORDS_PER_MINUTE = 150;
/** Rate of the WAV clips (Chromium's fake microphone resamples anything; 48 kHz is WebRTC's own). */
export const CLIP_WAV_RATE = 48_000;
/** Bumped whenever the recipe below changes, so cached clips are remade. */
const RECIPE = 2;

/** One candidate line as audio files. */
export interface Clip {
  index: number;
  text: string;
  durationMs: number;
  /** G.711 μ-law, 8 kHz mono, headerless (`-t ul -r 8000 -c 1`): SIPp's `rtp_stream` input. */
  mulaw: string;
  /** s16le WAV at 48 kHz mono: Chromium's `--use-file-for-fake-audio-capture` input. */
  wav: string;
}

/** A persona's clips, in the order the persona speaks them. Paths are relative to the manifest. */
export interface ClipManifest {
  persona: PersonaName;
  voice: string;
  wordsPerMinute: number;
  clips: Clip[];
}

export interface MakeClipsOptions extends ScreenSubject {
  /** Root of the clip cache; default `.livekit/clips` (git-ignored). */
  directory?: string;
}

/**
 * Makes (or reuses) a persona's candidate clips with espeak-ng and sox, and writes
 * `<directory>/<persona>/manifest.json`. Clips are named by a hash of their text and recipe, so a
 * changed line is remade and an unchanged one is not. Returns the manifest and its path.
 */
export async function makePersonaClips(
  persona: PersonaName,
  options: MakeClipsOptions = {},
): Promise<{ manifest: ClipManifest; path: string }> {
  const directory = join(options.directory ?? '.livekit/clips', persona);
  await mkdir(directory, { recursive: true });
  const lines = await personaLines(persona, options);
  const clips: Clip[] = [];
  for (const [index, text] of lines.entries()) {
    const clip = await makeClip(text, directory);
    clips.push({ index, text, ...clip });
  }
  const manifest: ClipManifest = {
    persona,
    voice: CANDIDATE_VOICE,
    wordsPerMinute: CANDIDATE_WORDS_PER_MINUTE,
    clips,
  };
  const path = join(directory, 'manifest.json');
  await writeFile(path, `${JSON.stringify(manifest, null, 2)}\n`);
  return { manifest, path };
}

/** Reads a manifest written by `makePersonaClips`. */
export async function readClipManifest(path: string): Promise<ClipManifest> {
  return JSON.parse(await readFile(path, 'utf8')) as ClipManifest;
}

/** One line as a μ-law file and a WAV file in `directory`; reused when already there. */
export async function makeClip(
  text: string,
  directory: string,
): Promise<{ durationMs: number; mulaw: string; wav: string }> {
  const name = createHash('sha256')
    .update(JSON.stringify([RECIPE, CANDIDATE_VOICE, CANDIDATE_WORDS_PER_MINUTE, text]))
    .digest('hex')
    .slice(0, 16);
  const wav = join(directory, `${name}.wav`);
  const mulaw = join(directory, `${name}.ul`);
  if (!(await exists(wav)) || !(await exists(mulaw))) {
    const source = join(directory, `${name}.source.wav`);
    try {
      await synthesiseToFile(text, source);
      // Written under temporary names and renamed, so a crash never leaves half a clip behind.
      await run('sox', [
        '-q',
        '-R',
        source,
        '-r',
        String(CLIP_WAV_RATE),
        '-b',
        '16',
        '-e',
        'signed',
        '-c',
        '1',
        `${wav}.part.wav`,
      ]);
      await run('sox', ['-q', '-R', source, '-t', 'ul', '-r', '8000', '-c', '1', `${mulaw}.part`]);
      await rename(`${wav}.part.wav`, wav);
      await rename(`${mulaw}.part`, mulaw);
    } finally {
      await rm(source, { force: true });
    }
  }
  const audio = decodeWav(await readFile(wav));
  return {
    durationMs: Math.round(durationMs(audio)),
    mulaw: relative(directory, mulaw),
    wav: relative(directory, wav),
  };
}

async function synthesiseToFile(text: string, path: string): Promise<void> {
  // sox runs with -R (repeatable dither), so a clip is the same file on every machine and run.
  // espeak-ng writes a streaming header (length unknown); sox rewrites it with the real length
  // and trims the synthesiser's trailing silence so a clip ends when the voice does.
  const raw = `${path}.espeak.wav`;
  try {
    await run('espeak-ng', [
      '-v',
      CANDIDATE_VOICE,
      '-s',
      String(CANDIDATE_WORDS_PER_MINUTE),
      '-w',
      raw,
      '--',
      text.replace(/\s+/g, ' '),
    ]);
    await run('sox', [
      '-q',
      '-R',
      raw,
      path,
      'reverse',
      'silence',
      '1',
      '0.02',
      '0.5%',
      'reverse',
      'gain',
      '-n',
      '-1',
    ]);
  } finally {
    await rm(raw, { force: true });
  }
}

async function exists(path: string): Promise<boolean> {
  try {
    await access(path);
    return true;
  } catch {
    // Missing is the answer, not a failure.
    return false;
  }
}
