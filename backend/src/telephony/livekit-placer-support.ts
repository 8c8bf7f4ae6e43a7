import type { RoomServiceClient } from 'livekit-server-sdk';
import type { PlaceCallRequest, PlaceCallResult } from './call-placer.js';
import {
  ruleFor,
  ZAgentJobMetadata,
  type AgentJobMetadata,
  type CallOutcome,
} from '@screenline/core';
import { isNotFound } from './livekit-errors.js';

/** The dispatch metadata the dial policy wrote; a mismatch is a programming error, not input. */
export function readAgentMetadata(request: PlaceCallRequest): AgentJobMetadata {
  const metadata = ZAgentJobMetadata.safeParse(JSON.parse(request.agentMetadata));
  if (!metadata.success) throw new Error('agent metadata does not match ZAgentJobMetadata');
  return metadata.data;
}

/** A refused attempt, with the status and retry rule REL-1 gives its outcome. */
export function failedAttempt(
  outcome: CallOutcome,
  detail?: string,
  answer: { sip?: { code: number; reason: string }; message?: string } = {},
): PlaceCallResult {
  const rule = ruleFor(outcome);
  return {
    outcome: 'failed',
    status: rule.status,
    reason: outcome,
    isRetryable: rule.retryDelaysMs.length > 0,
    ...(detail === undefined ? {} : { detail }),
    ...(answer.sip === undefined ? {} : { sip: answer.sip }),
    ...(answer.message === undefined ? {} : { message: answer.message }),
  };
}

/** Deletes the room, so every leg in it hangs up; a room already gone is what hanging up wants. */
export async function deleteRoomIfPresent(
  rooms: Pick<RoomServiceClient, 'deleteRoom'>,
  roomName: string,
): Promise<void> {
  try {
    await rooms.deleteRoom(roomName);
  } catch (error) {
    if (!isNotFound(error)) throw error;
  }
}
