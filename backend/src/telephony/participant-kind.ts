/**
 * `ParticipantInfo.Kind` as LiveKit sends it. The server SDK's enum comes from its own copy of the
 * protocol (and the webhook's participant from another), so the number on the wire is what is
 * compared, in one place.
 */
export const PARTICIPANT_KIND = { STANDARD: 0, SIP: 3, AGENT: 4 } as const;

/** The participant is a LiveKit agent (ours, dispatched into the call's room). */
export function isAgentParticipant(participant: { kind: unknown }): boolean {
  return participant.kind === PARTICIPANT_KIND.AGENT;
}
