/**
 * A streaming resampler by linear interpolation, for speech on its way to a client: eSpeak NG's
 * 22.05 kHz up to the 24 kHz OpenAI's `pcm` promises. Upsampling by so small a ratio needs no
 * anti-alias filter, and doing it here saves a sox process (about 30 ms) before the first byte.
 */
export class LinearResampler {
  readonly #fromRate: number;
  readonly #toRate: number;
  /** The last input sample of the previous chunk, interpolated against the next chunk's first. */
  #previous: number | undefined;
  /** Stream index of the first sample of the current input (the previous sample, if any). */
  #inputOffset = 0;
  /** Stream index of the next output sample. */
  #outputIndex = 0;

  constructor(fromRate: number, toRate: number) {
    this.#fromRate = fromRate;
    this.#toRate = toRate;
  }

  /** Resamples the next chunk of a stream; chunking does not change the result. */
  push(chunk: Int16Array): Int16Array {
    let input = chunk;
    if (this.#previous !== undefined) {
      input = new Int16Array(chunk.length + 1);
      input[0] = this.#previous;
      input.set(chunk, 1);
    }
    if (input.length === 0) return new Int16Array(0);
    const output = new Int16Array(
      Math.ceil(((input.length + 1) * this.#toRate) / this.#fromRate) + 1,
    );
    let written = 0;
    for (;;) {
      // Exact stream positions (integers over the rate), so no error builds up across chunks.
      const position = (this.#outputIndex * this.#fromRate) / this.#toRate - this.#inputOffset;
      if (position > input.length - 1) break;
      const index = Math.floor(position);
      const left = input[index] ?? 0;
      const right = input[index + 1] ?? left;
      output[written] = Math.round(left + (right - left) * (position - index));
      written += 1;
      this.#outputIndex += 1;
    }
    this.#inputOffset += input.length - 1;
    this.#previous = input[input.length - 1];
    return output.subarray(0, written);
  }
}
