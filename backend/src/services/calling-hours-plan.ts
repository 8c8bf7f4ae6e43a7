import {
  exceedsLegalCallingHours,
  formatLocalTime,
  isAlwaysOpen,
  nextCallableInstant,
  type CallingHoursWindow,
} from '@screenline/core';
import { resolveCallingZones } from './number-time-zones.js';

/** When a phone call may be placed, given the callee's zones and the operator's window. */
export type CallTimePlan =
  | { kind: 'now' }
  /** Outside the window: the call waits until `at`; `localTime` is that moment in the callee's zone. */
  | { kind: 'later'; at: Date; localTime: string; zone: string }
  /** No zone is known, or the zones never share an open minute: no safe time to call. */
  | { kind: 'never' };

/** Applies LAW-4: now when inside the window in every zone, else the next instant that is. */
export function planCallTime(
  now: Date,
  zones: readonly string[],
  window: CallingHoursWindow,
): CallTimePlan {
  if (isAlwaysOpen(window)) return { kind: 'now' };
  const at = nextCallableInstant(now, zones, window);
  const zone = zones[0];
  if (at === undefined || zone === undefined) return { kind: 'never' };
  if (at.getTime() === now.getTime()) return { kind: 'now' };
  return { kind: 'later', at, localTime: formatLocalTime(at, zone), zone };
}

/**
 * The calling-hours decision of a start: the browser's zone, else the number's zones, against the
 * operator's window. Phone mode schedules a `later` call; other modes only report it.
 */
export async function planStartCallTime(input: {
  phoneE164: string | null;
  timezone?: string | undefined;
  window: CallingHoursWindow;
  now: Date;
}): Promise<CallTimePlan> {
  if (isAlwaysOpen(input.window)) return { kind: 'now' };
  const zones = resolveCallingZones({
    phoneE164: input.phoneE164,
    timezone: input.timezone,
  });
  return planCallTime(input.now, zones, input.window);
}

/** The start-up warning of LAW-4 when the operator's window reaches outside 08:00-21:00. */
export function warnAboutCallingHours(
  window: CallingHoursWindow,
  log: { warn: (data: object, message: string) => void },
): void {
  if (exceedsLegalCallingHours(window)) {
    log.warn(
      { callingHours: window },
      'CALLING_HOURS reaches outside 08:00-21:00 local time; check the rules where you call',
    );
  }
}
