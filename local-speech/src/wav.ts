/** Mono 16-bit PCM with its rate: the one audio shape this server works in. */
export interface Pcm16 {
  sampleRate: number;
  samples: Int16Array;
}

/** A 44-byte RIFF header for mono s16le PCM; `dataBytes` may be 0xffffffff for a stream. */
export function wavHeader(sampleRate: number, dataBytes: number): Buffer {
  const header = Buffer.alloc(44);
  header.write('RIFF', 0, 'ascii');
  header.writeUInt32LE(Math.min(0xffffffff, 36 + dataBytes), 4);
  header.write('WAVE', 8, 'ascii');
  header.write('fmt ', 12, 'ascii');
  header.writeUInt32LE(16, 16);
  header.writeUInt16LE(1, 20);
  header.writeUInt16LE(1, 22);
  header.writeUInt32LE(sampleRate, 24);
  header.writeUInt32LE(sampleRate * 2, 28);
  header.writeUInt16LE(2, 32);
  header.writeUInt16LE(16, 34);
  header.write('data', 36, 'ascii');
  header.writeUInt32LE(dataBytes, 40);
  return header;
}

/** A mono s16le WAV file of the samples. */
export function encodeWav(pcm: Pcm16): Buffer {
  const data = Buffer.from(pcm.samples.buffer, pcm.samples.byteOffset, pcm.samples.byteLength);
  return Buffer.concat([wavHeader(pcm.sampleRate, data.byteLength), data]);
}

/** Why a WAV file was refused: a person can act on it. */
export class WavFormatError extends Error {
  override name = 'WavFormatError';
}

/**
 * Reads a PCM WAV file (16-bit, any channel count: channels are averaged to mono). Anything else
 * (compressed, 8-bit, not RIFF) is refused, as a transcription service would.
 */
export function decodeWav(file: Buffer): Pcm16 {
  if (
    file.length < 12 ||
    file.toString('ascii', 0, 4) !== 'RIFF' ||
    file.toString('ascii', 8, 12) !== 'WAVE'
  ) {
    throw new WavFormatError('not a RIFF/WAVE file');
  }
  let offset = 12;
  let format: { channels: number; sampleRate: number; bits: number; code: number } | undefined;
  while (offset + 8 <= file.length) {
    const id = file.toString('ascii', offset, offset + 4);
    const size = file.readUInt32LE(offset + 4);
    const body = offset + 8;
    if (id === 'fmt ') {
      if (size < 16 || body + 16 > file.length) throw new WavFormatError('short fmt chunk');
      format = {
        code: file.readUInt16LE(body),
        channels: file.readUInt16LE(body + 2),
        sampleRate: file.readUInt32LE(body + 4),
        bits: file.readUInt16LE(body + 14),
      };
    } else if (id === 'data') {
      if (format === undefined) throw new WavFormatError('data before fmt');
      // 0xfffe is WAVE_FORMAT_EXTENSIBLE, which carries plain PCM as often as not.
      if ((format.code !== 1 && format.code !== 0xfffe) || format.bits !== 16) {
        throw new WavFormatError('only 16-bit PCM WAV is supported');
      }
      if (format.channels < 1 || format.sampleRate < 1) throw new WavFormatError('bad fmt chunk');
      // Streams written before their length was known say 0 or 0xffffffff: read to the end.
      const end = size === 0 || body + size > file.length ? file.length : body + size;
      const frames = Math.floor((end - body) / (2 * format.channels));
      const samples = new Int16Array(frames);
      for (let i = 0; i < frames; i += 1) {
        let sum = 0;
        for (let c = 0; c < format.channels; c += 1) {
          sum += file.readInt16LE(body + (i * format.channels + c) * 2);
        }
        samples[i] = Math.round(sum / format.channels);
      }
      return { sampleRate: format.sampleRate, samples };
    }
    offset = body + size + (size % 2);
  }
  throw new WavFormatError('no data chunk');
}

/** Little-endian s16 bytes as samples (an odd trailing byte is dropped). */
export function pcmFromBytes(bytes: Buffer, sampleRate: number): Pcm16 {
  const samples = new Int16Array(Math.floor(bytes.length / 2));
  for (let i = 0; i < samples.length; i += 1) samples[i] = bytes.readInt16LE(i * 2);
  return { sampleRate, samples };
}

/** The samples as little-endian s16 bytes. */
export function bytesFromPcm(pcm: Pcm16): Buffer {
  return Buffer.from(pcm.samples.buffer, pcm.samples.byteOffset, pcm.samples.byteLength);
}

/** Root mean square level, 0..1 of full scale. */
export function rmsLevel(samples: Int16Array): number {
  if (samples.length === 0) return 0;
  let sum = 0;
  for (const sample of samples) sum += sample * sample;
  return Math.sqrt(sum / samples.length) / 32768;
}

/** Duration in milliseconds. */
export function durationMs(pcm: Pcm16): number {
  return (pcm.samples.length / pcm.sampleRate) * 1000;
}
