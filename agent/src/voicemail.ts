import type { voice } from '@livekit/agents';
import type { ConversationEndReason } from '@screenline/core';
import type { DriverReports } from './interview-driver.js';

/** Said to an answering machine: who called and that we will try again. Nothing personal. */
export const VOICEMAIL_MESSAGE =
  'Hello, this is an AI assistant calling about your job application. We will try you again later. Goodbye.';

/** A machine answered: leave the short message, report voicemail (the backend retries later), hang up. */
export async function leaveVoicemail(
  session: voice.AgentSession,
  reports: Pick<DriverReports, 'reportCall'>,
  hangUp: (reason: ConversationEndReason) => Promise<void>,
): Promise<void> {
  reports.reportCall({ event: 'voicemail' });
  try {
    await session.say(VOICEMAIL_MESSAGE, { allowInterruptions: false }).waitForPlayout();
  } finally {
    await hangUp('voicemail');
  }
}
