import type { CallPlacer, PlaceCallRequest, PlaceCallResult } from './call-placer.js';

/** What the simulated call reports as it goes; the runtime turns these into transitions. */
export interface SimulatedCallEvents {
  onRinging(interviewId: string): Promise<void>;
  onAnswered(interviewId: string): Promise<void>;
  onError(interviewId: string, error: unknown): void;
}

/**
 * The simulated telephony port: the call behaves like a real one, dialing, then ringing, then
 * answered after `ringMs`, and the conversation runs in this process. No network, no accounts.
 */
export class SimulatedCallPlacer implements CallPlacer {
  private readonly timers = new Map<string, NodeJS.Timeout[]>();

  constructor(
    private readonly events: SimulatedCallEvents,
    private readonly ringMs: number,
  ) {}

  placeCall(request: PlaceCallRequest): Promise<PlaceCallResult> {
    const { interviewId, roomName } = request;
    // The phone starts ringing after a short moment, as a carrier's 180 Ringing would.
    const ringingAfter = Math.round(this.ringMs * 0.3);
    const timers: NodeJS.Timeout[] = [];
    this.timers.set(roomName, timers);
    const ringing = setTimeout(() => {
      this.events
        .onRinging(interviewId)
        .then(() => {
          // Hung up while the ringing was being recorded: never answer.
          if (!this.timers.has(roomName)) return;
          timers.push(
            setTimeout(() => {
              this.timers.delete(roomName);
              this.events
                .onAnswered(interviewId)
                .catch((error: unknown) => this.events.onError(interviewId, error));
            }, this.ringMs - ringingAfter),
          );
        })
        .catch((error: unknown) => this.events.onError(interviewId, error));
    }, ringingAfter);
    timers.push(ringing);
    return Promise.resolve({ outcome: 'simulated' });
  }

  hangUp(roomName: string): Promise<void> {
    for (const timer of this.timers.get(roomName) ?? []) clearTimeout(timer);
    this.timers.delete(roomName);
    return Promise.resolve();
  }

  /** Cancels every pending ring (shutdown). */
  close(): void {
    for (const roomName of [...this.timers.keys()]) void this.hangUp(roomName);
  }
}
