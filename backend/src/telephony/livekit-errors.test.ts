import { ServerError, SipCallError } from 'livekit-server-sdk';
import { describe, expect, it } from 'vitest';
import { outcomeForDialError } from './livekit-errors.js';

describe('outcomeForDialError', () => {
  it('a SIP final response carries its code and reason phrase to the REL-1 table', () => {
    const busy = new SipCallError(
      'resource_exhausted',
      'SIP call failed',
      429,
      'resource_exhausted',
      {
        sip_status_code: '486',
        sip_status: 'Busy Here',
      },
    );
    expect(outcomeForDialError(busy)).toEqual({
      outcome: 'busy',
      detail: 'sip_486',
      sip: { code: 486, reason: 'Busy Here' },
    });
  });

  it('the ringing timeout (Twirp canceled, 408, no SIP code) is no answer, not a configuration error', () => {
    const ringOut = new ServerError('canceled', 'sip request timed out', 408, 'canceled');
    expect(outcomeForDialError(ringOut)).toEqual({
      outcome: 'no_answer',
      detail: 'sip_ringing_timeout',
    });
  });

  it("any other 4xx is the operator's to fix, with LiveKit's own words", () => {
    const noTrunk = new ServerError(
      'not_found',
      'requested sip trunk does not exist',
      404,
      'not_found',
    );
    expect(outcomeForDialError(noTrunk)).toEqual({
      outcome: 'operator_error',
      detail: 'livekit_404_not_found',
      message: 'requested sip trunk does not exist',
    });
  });
});
