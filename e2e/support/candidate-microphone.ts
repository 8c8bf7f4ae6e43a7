// A microphone for a browser test: the page's getUserMedia gets a live audio track whose sound the
// test plays into it, clip by clip, when the candidate would speak. Chromium's own fake device
// (--use-file-for-fake-audio-capture) starts one file with the capture and loops it, so its words
// cannot follow the agent's turns; a person answers when asked, and so does this.
import type { Page } from 'playwright-core';

/** The flags that let a headless Chromium open a microphone and play sound with no person there. */
export const MICROPHONE_ARGS = [
  '--use-fake-ui-for-media-stream',
  '--use-fake-device-for-media-stream',
  '--autoplay-policy=no-user-gesture-required',
];

interface MicrophoneWindow {
  candidateMicrophone: { play(wavBase64: string): Promise<number> };
}

/** Installs the microphone in every document the page opens; call before the first `goto`. */
export async function installCandidateMicrophone(page: Page): Promise<void> {
  await page.addInitScript(() => {
    let output: { context: AudioContext; destination: MediaStreamAudioDestinationNode } | undefined;
    const open = () => {
      if (output === undefined) {
        const context = new AudioContext({ sampleRate: 48_000 });
        output = { context, destination: context.createMediaStreamDestination() };
      }
      return output;
    };
    const devices = navigator.mediaDevices;
    const getUserMedia = devices.getUserMedia.bind(devices);
    devices.getUserMedia = async (constraints?: MediaStreamConstraints) => {
      if (constraints?.audio === undefined || constraints.audio === false || constraints.video) {
        return getUserMedia(constraints);
      }
      // A clone per request: the page may stop one track (unpublish) and ask again.
      const { destination } = open();
      return new MediaStream(destination.stream.getAudioTracks().map((track) => track.clone()));
    };
    (window as unknown as MicrophoneWindow).candidateMicrophone = {
      // Resolves when the clip has played out, with its length in ms.
      async play(wavBase64: string): Promise<number> {
        const { context, destination } = open();
        await context.resume();
        const bytes = Uint8Array.from(atob(wavBase64), (char) => char.charCodeAt(0));
        const buffer = await context.decodeAudioData(bytes.buffer);
        const source = context.createBufferSource();
        source.buffer = buffer;
        source.connect(destination);
        const ended = new Promise<void>((resolve) =>
          source.addEventListener('ended', () => resolve()),
        );
        source.start();
        await ended;
        return buffer.duration * 1000;
      },
    };
  });
}

/** Says one clip (a WAV file's bytes) into the page's microphone; resolves when it has played. */
export async function speakInto(page: Page, wav: Buffer): Promise<number> {
  return page.evaluate(
    (base64) => (window as unknown as MicrophoneWindow).candidateMicrophone.play(base64),
    wav.toString('base64'),
  );
}
