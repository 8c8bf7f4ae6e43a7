import type { AgentCallReport, AgentTurnReport } from '@screenline/core';
import type { CallJob, CallReports } from '../create-interview-session.js';

/**
 * The backend and the LiveKit job of a test call, recording what the call does to them. A room
 * deleted before the end was reported fails the test: production's order is report, then hang up.
 */
export class CallRecorder implements CallReports, CallJob {
  readonly turns: AgentTurnReport[] = [];
  /** Every call event by name, in order (`ended` included). */
  readonly callEvents: string[] = [];
  readonly callReports: AgentCallReport[] = [];
  /** The reason of each hang-up (room deletion), from the end report that preceded it. */
  readonly hangUps: string[] = [];
  /** The reasons the job was shut down with (the session closed). */
  readonly shutdowns: (string | undefined)[] = [];
  /** What the job would run at shutdown, for a test to run as the job process would. */
  readonly shutdownCallbacks: (() => Promise<void>)[] = [];
  readonly pendingReports = 0;
  private lastEndReason: string | undefined;

  reportTurn(turn: AgentTurnReport): void {
    this.turns.push(turn);
  }

  reportCall(event: AgentCallReport): void {
    this.callEvents.push(event.event);
    this.callReports.push(event);
    if (event.event === 'ended') this.lastEndReason = event.reason;
  }

  flush(): Promise<boolean> {
    return Promise.resolve(true);
  }

  deleteRoom(): Promise<void> {
    const reason = this.lastEndReason;
    // A browser candidate who never came back is ended as a hang-up by the agent, which then
    // deletes the room like any other end; what must come first is the report.
    if (reason === undefined) {
      return Promise.reject(new Error('the room was deleted before the end was reported'));
    }
    this.hangUps.push(reason);
    return Promise.resolve();
  }

  shutdown(reason?: string): void {
    this.shutdowns.push(reason);
  }

  addShutdownCallback(callback: () => Promise<void>): void {
    this.shutdownCallbacks.push(callback);
  }
}
