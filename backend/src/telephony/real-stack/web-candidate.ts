// A scripted web candidate on the real stack: a WebRTC participant (LiveKit's rtc-node, as the
// browser is) that joins the interview's room with the token the backend issued, answers each of
// the agent's questions with the next of a persona's clips once the agent has stopped speaking,
// and records what it hears. Test and demo infrastructure: the browser page does the same with a
// microphone.
import {
  AudioFrame,
  AudioSource,
  AudioStream,
  LocalAudioTrack,
  ParticipantKind,
  Room,
  RoomEvent,
  TrackKind,
  TrackPublishOptions,
  TrackSource,
  type RemoteTrack,
} from '@livekit/rtc-node';
import { rmsLevel, type Pcm16 } from '@screenline/local-speech';
import { TURN_END_QUIET_MS, sleep } from './stack-kit.js';

/** WebRTC's own rate; the clips are made at it (local-speech CLIP_WAV_RATE). */
export const CANDIDATE_SAMPLE_RATE = 48_000;
const FRAME_MS = 10;
const FRAME_SAMPLES = (CANDIDATE_SAMPLE_RATE * FRAME_MS) / 1000;
/** A heard frame louder than this (about -40 dBFS) is the agent speaking; decoded silence is ~0. */
const SPEECH_RMS = 0.01;
/** The outgoing queue is kept short, so a clip's end is known to within this. */
const SOURCE_QUEUE_MS = 100;
/** lk.agent.state, the attribute LiveKit agents publish: initializing, listening, thinking, speaking. */
const AGENT_STATE = 'lk.agent.state';

export interface CandidateClip {
  text: string;
  audio: Pcm16;
}

/** When things happened, in ms since the candidate joined (performance.now() based). */
export interface CandidateTimeline {
  /** The agent participant was in the room (dispatch, job start and connect took this long). */
  agentJoinedMs: number | null;
  /** The first frame of agent speech heard after joining. */
  firstAgentAudioMs: number | null;
  clips: {
    index: number;
    startMs: number;
    endMs: number;
    /** The first agent speech heard after this clip ended; null when none came. */
    agentReplyMs: number | null;
  }[];
  /** The room closed on the candidate (the agent hung up) at this time; null if it never did. */
  disconnectedMs: number | null;
}

export interface CandidateResult {
  timeline: CandidateTimeline;
  /** What the candidate heard, on the call's time line (the agent's voice). */
  heard: Pcm16;
  /** What it heard and what it said, mixed: the call as a person would want to play it. */
  mixed: Pcm16;
  /** How many clips it played; fewer than given when the call ended early. */
  clipsPlayed: number;
}

export interface RunCandidateOptions {
  url: string;
  token: string;
  clips: readonly CandidateClip[];
  /** Give up on the call after this long (the room is left, the result returned). */
  timeoutMs: number;
  /** Progress lines for a person watching (no words: they are the candidate's answers). */
  onProgress?: (line: string) => void;
  /** Told as each clip has been said (its index), while the call goes on. */
  onClipEnd?: (index: number) => void;
  /**
   * After the last clip, hear the agent's next turn out, then leave the room without waiting for
   * the close, as a page reload does.
   */
  leaveAfterLastClip?: boolean;
}

/** Joins, answers each agent turn with the next clip, and returns when the agent hangs up. */
export async function runWebCandidate(options: RunCandidateOptions): Promise<CandidateResult> {
  const candidate = new WebCandidate();
  try {
    return await candidate.run(options);
  } finally {
    await candidate.close();
  }
}

class WebCandidate {
  readonly #room = new Room();
  readonly #source = new AudioSource(CANDIDATE_SAMPLE_RATE, 1, SOURCE_QUEUE_MS);
  #t0 = 0;
  /** Heard samples, appended in arrival order with silence filled in for gaps in arrival. */
  #heard: Int16Array[] = [];
  #heardLength = 0;
  /** Sent samples (clips and the silence between them) with the heard-timeline offset of each. */
  #sent: { offset: number; samples: Int16Array }[] = [];
  #lastSpeechMs = -Infinity;
  #speechFrames: number[] = [];
  #agentState = '';
  #agentJoinedMs: number | null = null;
  #disconnectedMs: number | null = null;
  #isClosed = false;
  #pump: Promise<void> | undefined;
  /** The clip being played and where in it the pump is. */
  #playing: { samples: Int16Array; position: number; done: (endMs: number) => void } | undefined;

  now(): number {
    return performance.now() - this.#t0;
  }

  async run(options: RunCandidateOptions): Promise<CandidateResult> {
    const progress = options.onProgress ?? (() => undefined);
    const deadline = Date.now() + options.timeoutMs;
    this.#room.on(RoomEvent.TrackSubscribed, (track: RemoteTrack) => {
      if (track.kind === TrackKind.KIND_AUDIO) void this.#listen(track);
    });
    this.#room.on(RoomEvent.ParticipantAttributesChanged, (changed, participant) => {
      const state = changed[AGENT_STATE] ?? participant.attributes[AGENT_STATE];
      if (state !== undefined) this.#agentState = state;
    });
    this.#room.on(RoomEvent.ParticipantConnected, (participant) => {
      if (participant.kind === ParticipantKind.AGENT) this.#agentJoinedMs ??= this.now();
    });
    this.#room.on(RoomEvent.Disconnected, () => {
      this.#disconnectedMs ??= this.now();
      // A clip cut off by the hang-up ends there.
      this.#playing?.done(this.now());
    });
    this.#t0 = performance.now();
    await this.#room.connect(options.url, options.token, { autoSubscribe: true, dynacast: false });
    progress('joined the room');
    const present = [...this.#room.remoteParticipants.values()];
    if (present.some((participant) => participant.kind === ParticipantKind.AGENT)) {
      this.#agentJoinedMs ??= this.now();
    }
    const track = LocalAudioTrack.createAudioTrack('microphone', this.#source);
    const publishOptions = new TrackPublishOptions();
    publishOptions.source = TrackSource.SOURCE_MICROPHONE;
    await this.#room.localParticipant?.publishTrack(track, publishOptions);
    this.#pump = this.#runPump().catch((error: unknown) => {
      // The source failed (the room went away): nothing more is said; a clip in play ends.
      this.#playing?.done(this.now());
      if (this.#disconnectedMs === null) throw error;
    });

    const clips: CandidateTimeline['clips'] = [];
    for (const [index, clip] of options.clips.entries()) {
      const spoke = await this.#waitForAgentTurn(deadline);
      if (!spoke) break;
      progress(`answering ${index + 1}/${options.clips.length}`);
      const startMs = this.now();
      // Resolves with the time the clip's last sample leaves the source's short queue.
      const endMs = await this.#play(clip.audio.samples);
      await sleep(Math.max(0, endMs - this.now()));
      clips.push({ index, startMs, endMs, agentReplyMs: null });
      options.onClipEnd?.(index);
    }
    if (options.leaveAfterLastClip === true) {
      progress("leaving the room after the agent's next turn");
      await this.#waitForAgentTurn(deadline);
    } else {
      progress('waiting for the agent to close the call');
      while (this.#disconnectedMs === null && Date.now() < deadline) await sleep(100);
    }

    for (const [i, clip] of clips.entries()) {
      const nextStart = clips[i + 1]?.startMs ?? Infinity;
      const reply = this.#speechFrames.find((ms) => ms >= clip.endMs && ms < nextStart);
      clip.agentReplyMs = reply ?? null;
    }
    const heard = this.#heardPcm();
    return {
      timeline: {
        agentJoinedMs: this.#agentJoinedMs,
        firstAgentAudioMs: this.#speechFrames[0] ?? null,
        clips,
        disconnectedMs: this.#disconnectedMs,
      },
      heard,
      mixed: this.#mix(heard),
      clipsPlayed: clips.length,
    };
  }

  async close(): Promise<void> {
    this.#isClosed = true;
    this.#playing?.done(this.now());
    await this.#pump?.catch(() => undefined);
    await this.#room.disconnect().catch(() => undefined);
    await this.#source.close().catch(() => undefined);
  }

  /** True once the agent has spoken and then stopped (its state back at listening, audio quiet). */
  async #waitForAgentTurn(deadline: number): Promise<boolean> {
    const since = this.now();
    for (;;) {
      if (this.#disconnectedMs !== null || Date.now() > deadline) return false;
      const heardSince = this.#lastSpeechMs >= since;
      const isQuiet = this.now() - this.#lastSpeechMs >= TURN_END_QUIET_MS;
      const isListening = this.#agentState === '' || this.#agentState === 'listening';
      if (heardSince && isQuiet && isListening) return true;
      await sleep(20);
    }
  }

  async #listen(track: RemoteTrack): Promise<void> {
    const stream = new AudioStream(track, { sampleRate: CANDIDATE_SAMPLE_RATE, numChannels: 1 });
    for await (const frame of stream) {
      const at = this.now();
      // Frames arrive paced in real time; a gap in arrival is silence on the call's time line.
      const expected = Math.round((at / 1000) * CANDIDATE_SAMPLE_RATE) - frame.data.length;
      if (expected - this.#heardLength > CANDIDATE_SAMPLE_RATE / 10) {
        this.#appendHeard(new Int16Array(expected - this.#heardLength));
      }
      this.#appendHeard(frame.data.slice());
      if (rmsLevel(frame.data) >= SPEECH_RMS) {
        this.#lastSpeechMs = at;
        this.#speechFrames.push(at);
      }
      if (this.#isClosed) break;
    }
  }

  #appendHeard(samples: Int16Array): void {
    this.#heard.push(samples);
    this.#heardLength += samples.length;
  }

  #play(samples: Int16Array): Promise<number> {
    return new Promise((resolve) => {
      this.#playing = { samples, position: 0, done: resolve };
    });
  }

  /** Sends 10 ms frames for as long as the call lasts: the clip being played, else silence. */
  async #runPump(): Promise<void> {
    const silence = new Int16Array(FRAME_SAMPLES);
    while (!this.#isClosed) {
      let samples = silence;
      const playing = this.#playing;
      if (playing !== undefined) {
        samples = new Int16Array(FRAME_SAMPLES);
        samples.set(playing.samples.subarray(playing.position, playing.position + FRAME_SAMPLES));
        playing.position += FRAME_SAMPLES;
      }
      const offset = Math.round((this.now() / 1000) * CANDIDATE_SAMPLE_RATE);
      if (samples !== silence) this.#sent.push({ offset, samples });
      await this.#source.captureFrame(
        new AudioFrame(samples, CANDIDATE_SAMPLE_RATE, 1, FRAME_SAMPLES),
      );
      // The pump never stops sending (silence keeps the agent's VAD fed), so the source's
      // waitForPlayout() never settles: a clip ends when its last frame leaves the queue.
      if (playing !== undefined && playing.position >= playing.samples.length) {
        this.#playing = undefined;
        playing.done(this.now() + this.#source.queuedDuration);
      }
    }
  }

  #heardPcm(): Pcm16 {
    const samples = new Int16Array(this.#heardLength);
    let at = 0;
    for (const chunk of this.#heard) {
      samples.set(chunk, at);
      at += chunk.length;
    }
    return { sampleRate: CANDIDATE_SAMPLE_RATE, samples };
  }

  /**
   * The sent frames were captured ahead of their playout by up to the queue's length; placing
   * them at capture time puts the candidate a few tens of ms early, inaudible in a recording.
   */
  #mix(heard: Pcm16): Pcm16 {
    const end = this.#sent.reduce(
      (longest, sent) => Math.max(longest, sent.offset + sent.samples.length),
      heard.samples.length,
    );
    const mixed = new Int16Array(end);
    mixed.set(heard.samples);
    for (const { offset, samples } of this.#sent) {
      for (let i = 0; i < samples.length; i += 1) {
        const at = offset + i;
        mixed[at] = clamp((mixed[at] ?? 0) + (samples[i] ?? 0));
      }
    }
    return { sampleRate: CANDIDATE_SAMPLE_RATE, samples: mixed };
  }
}

function clamp(value: number): number {
  return Math.max(-32768, Math.min(32767, value));
}
