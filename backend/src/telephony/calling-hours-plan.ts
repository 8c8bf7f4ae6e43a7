import {
  formatLocalTime,
  isAlwaysOpen,
  nextCallableInstant,
  type CallingHoursWindow,
} from '@screenline/core';

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
