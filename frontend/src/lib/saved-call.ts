import { ZStartPhoneScreenResponse, type StartPhoneScreenResponse } from '@screenline/core';

/**
 * The call a candidate started from this tab, so a reload during the call brings the call panel
 * back instead of an empty form. sessionStorage: this tab only, gone when it closes.
 */
const storageKey = (jobId: string): string => `screenline.call.${jobId}`;

export function loadSavedCall(jobId: string): StartPhoneScreenResponse | undefined {
  try {
    const raw = window.sessionStorage.getItem(storageKey(jobId));
    if (raw === null) return undefined;
    const parsed = ZStartPhoneScreenResponse.safeParse(JSON.parse(raw));
    return parsed.success ? parsed.data : undefined;
  } catch {
    // Storage blocked or malformed: start from the form, as without a saved call.
    return undefined;
  }
}

export function saveCall(jobId: string, call: StartPhoneScreenResponse | undefined): void {
  try {
    if (call === undefined) window.sessionStorage.removeItem(storageKey(jobId));
    else window.sessionStorage.setItem(storageKey(jobId), JSON.stringify(call));
  } catch {
    // Storage blocked (private mode): the call still works, a reload just loses the panel.
  }
}
