/**
 * What the emulated carrier does with a dialed number. Times are in milliseconds of wall clock, so a
 * test can make a 30-second ring last 30 ms.
 */
export type SipScript =
  /** The callee picks up after `afterMs`; `sip.callStatus` goes `dialing` → `active`. */
  | { kind: 'answer'; afterMs: number }
  /** The carrier answers the INVITE with a final failure (486, 480, 603, 404, 503...) after `afterMs`. */
  | { kind: 'reject'; sipStatusCode: number; afterMs: number }
  /** Nobody answers: the call rings until the request's `ringingTimeout`, scaled by `ringScaleMs`. */
  | { kind: 'timeout' };

/** SIP reason phrases, as a carrier sends them, for the codes the tests use. */
export const SIP_REASON_PHRASES: Readonly<Record<number, string>> = {
  404: 'Not Found',
  408: 'Request Timeout',
  480: 'Temporarily Unavailable',
  486: 'Busy Here',
  487: 'Request Terminated',
  503: 'Service Unavailable',
  600: 'Busy Everywhere',
  603: 'Decline',
};
