import { AudioFrame } from '@livekit/rtc-node';
import { describe, expect, it } from 'vitest';
import { SpeechAhead, type SynthesiseSentence } from './speech-ahead.js';

/** A frame that says which sentence and which part of it it is (its first sample). */
function frameOf(sentenceIndex: number, part: number): AudioFrame {
  return new AudioFrame(new Int16Array([sentenceIndex * 100 + part, 0]), 24_000, 1, 2);
}

/** A strict fake synthesiser: two frames per sentence, every call counted, failures on demand. */
function fakeSynthesiser(options: { failing?: Set<string> } = {}) {
  const calls: string[] = [];
  const ids = new Map<string, number>();
  const idOf = (sentence: string): number => {
    if (!ids.has(sentence)) ids.set(sentence, ids.size + 1);
    return ids.get(sentence) ?? 0;
  };
  async function* generate(sentence: string): AsyncGenerator<AudioFrame> {
    calls.push(sentence);
    await Promise.resolve();
    if (options.failing?.delete(sentence) === true) throw new Error('synthesiser unavailable');
    yield frameOf(idOf(sentence), 0);
    yield frameOf(idOf(sentence), 1);
  }
  const synthesise: SynthesiseSentence = (sentence) => generate(sentence);
  return { calls, idOf, synthesise };
}

/** Lets every synthesis started so far run to its end (the fake's are a few microtasks long). */
function settle(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 10));
}

async function framesOf(stream: ReadableStream<AudioFrame>): Promise<number[]> {
  const marks: number[] = [];
  for await (const frame of stream) marks.push(frame.data[0] ?? -1);
  return marks;
}

describe('SpeechAhead', () => {
  it('a reply made of prepared sentences plays from them: no synthesis when it is said', async () => {
    const tts = fakeSynthesiser();
    const ahead = new SpeechAhead({ synthesise: tts.synthesise });
    ahead.prepare(['What is your notice period?', 'Got it.', 'Thank you.']);
    await settle();
    expect(tts.calls).toEqual(['What is your notice period?', 'Got it.', 'Thank you.']);
    const marks = await framesOf(ahead.speak('Got it. What is your notice period?'));
    const got = tts.idOf('Got it.');
    const notice = tts.idOf('What is your notice period?');
    expect(marks).toEqual([got * 100, got * 100 + 1, notice * 100, notice * 100 + 1]);
    expect(tts.calls).toHaveLength(3);
    expect(ahead.counts).toMatchObject({ prepared: 3, spokenAhead: 2, spokenLive: 0 });
  });

  it('a sentence nobody prepared is synthesised when said, in its place among the prepared ones', async () => {
    const tts = fakeSynthesiser();
    const ahead = new SpeechAhead({ synthesise: tts.synthesise });
    ahead.prepare(['When could you start?']);
    const marks = await framesOf(ahead.speak('Sorry, we were cut off. When could you start?'));
    const cut = tts.idOf('Sorry, we were cut off.');
    const start = tts.idOf('When could you start?');
    expect(marks).toEqual([cut * 100, cut * 100 + 1, start * 100, start * 100 + 1]);
    expect(ahead.counts).toMatchObject({ spokenAhead: 1, spokenLive: 1 });
    // Said once, it is kept: a repeat plays without a new synthesis.
    await framesOf(ahead.speak('Sorry, we were cut off.'));
    expect(tts.calls.filter((call) => call === 'Sorry, we were cut off.')).toHaveLength(1);
  });

  it('prepares each sentence once, however often it is asked', async () => {
    const tts = fakeSynthesiser();
    const ahead = new SpeechAhead({ synthesise: tts.synthesise });
    ahead.prepare(['Thank you. Next question?', 'Thank you.']);
    ahead.prepare(['Next question?']);
    await settle();
    expect(tts.calls).toEqual(['Thank you.', 'Next question?']);
  });

  it('prepares at most maxParallel sentences at once; a sentence being said never waits its turn', async () => {
    const tts = fakeSynthesiser();
    const ahead = new SpeechAhead({ synthesise: tts.synthesise, maxParallel: 1 });
    ahead.prepare(['One.', 'Two.', 'Three.']);
    expect(tts.calls).toEqual(['One.']);
    // "Three." is said before its turn came: it starts now, ahead of "Two.".
    const said = framesOf(ahead.speak('Three.'));
    expect(tts.calls).toEqual(['One.', 'Three.']);
    await said;
    await settle();
    expect(tts.calls).toEqual(['One.', 'Three.', 'Two.']);
  });

  it('a prepared sentence whose synthesis failed is synthesised again when said, and the failure is reported', async () => {
    const tts = fakeSynthesiser({ failing: new Set(['Got it.']) });
    const errors: unknown[] = [];
    const ahead = new SpeechAhead({
      synthesise: tts.synthesise,
      onError: (error) => errors.push(error),
    });
    ahead.prepare(['Got it.']);
    await settle();
    const marks = await framesOf(ahead.speak('Got it.'));
    expect(marks).toEqual([tts.idOf('Got it.') * 100, tts.idOf('Got it.') * 100 + 1]);
    expect(tts.calls).toEqual(['Got it.', 'Got it.']);
    expect(errors).toHaveLength(1);
  });

  it('a failure while a reply is said reaches the reader (the framework reports a TTS error)', async () => {
    const tts = fakeSynthesiser({ failing: new Set(['Broken.']) });
    const ahead = new SpeechAhead({ synthesise: tts.synthesise });
    await expect(framesOf(ahead.speak('Broken.'))).rejects.toThrow('synthesiser unavailable');
  });

  it('streams a sentence still being synthesised: its first frame plays before its last exists', async () => {
    let release: () => void = () => undefined;
    const gate = new Promise<void>((resolve) => {
      release = resolve;
    });
    async function* slowSentence(): AsyncGenerator<AudioFrame> {
      yield frameOf(1, 0);
      await gate;
      yield frameOf(1, 1);
    }
    const ahead = new SpeechAhead({ synthesise: () => slowSentence() });
    ahead.prepare(['A long question?']);
    const reader = ahead.speak('A long question?').getReader();
    expect((await reader.read()).value?.data[0]).toBe(100);
    release();
    expect((await reader.read()).value?.data[0]).toBe(101);
    expect((await reader.read()).done).toBe(true);
  });

  it('keeps at most maxSentences, dropping the least recently used', async () => {
    const tts = fakeSynthesiser();
    const ahead = new SpeechAhead({ synthesise: tts.synthesise, maxSentences: 2 });
    ahead.prepare(['One.', 'Two.']);
    await framesOf(ahead.speak('One.'));
    ahead.prepare(['Three.']);
    // "Two." was the least recently used: it went, "One." stayed.
    ahead.prepare(['One.', 'Two.']);
    await settle();
    expect(tts.calls).toEqual(['One.', 'Two.', 'Three.', 'Two.']);
  });
});
