import {
  currentConsentDisclosure,
  type Job,
  type Mode,
  type StartPhoneScreenResponse,
  type UploadResumeResponse,
} from '@screenline/core';
import { getCountries, type CountryCode } from 'libphonenumber-js/max';
import { useEffect, useId, useRef, useState, type SubmitEvent } from 'react';
import { candidateApi } from '../../lib/candidate-api';
import { loadSavedCall, saveCall } from '../../lib/saved-call';
import { CallPanel } from './call-panel';
import type { RetryKind } from './call-outcome';
import { ConsentCheckbox } from './consent-checkbox';
import { JobBrief } from './job-brief';
import { checkPhoneInput, countryOf, PhoneField, type PhoneValue } from './phone-field';
import { detailsFromResume, ResumePreview, type CandidateDetails } from './resume-preview';
import { ResumeUpload } from './resume-upload';
import { ApiError, errorMessage } from '../../lib/api';
import { omitKey } from '../../lib/omit-key';

const EMAIL_PATTERN = /^[^@\s]+@[^@\s]+\.[^@\s]+$/;

/**
 * The candidate's whole flow on `/apply/:jobId`: resume, phone number, consent, "Call Me Now",
 * then the live call and what follows it. Web mode calls no number: no phone field, a browser-call
 * consent, and "Start My Screen".
 */
export function ResumeScreeningPhoneScreen({ job, mode }: { job: Job; mode: Mode }) {
  const asksPhone = mode !== 'web';
  const disclosure = currentConsentDisclosure(mode);
  const [upload, setUpload] = useState<UploadResumeResponse | undefined>();
  const [details, setDetails] = useState<CandidateDetails>({ name: '', email: '', latestRole: '' });
  const [phone, setPhone] = useState<PhoneValue>({ country: defaultCountry(), input: '' });
  const [hasConsent, setHasConsent] = useState(false);
  const [saved] = useState(() => loadSavedCall(job.id));
  const [started, setStartedState] = useState<StartPhoneScreenResponse | undefined>(saved);
  const setStarted = (call: StartPhoneScreenResponse | undefined): void => {
    setStartedState(call);
    saveCall(job.id, call);
  };
  // A page reloaded mid-screen goes back into the same room, where the agent waits for it; the
  // token it kept may have expired, so it asks for a new one first.
  const [isRejoining, setIsRejoining] = useState(saved?.webCall !== undefined);
  useEffect(() => {
    if (saved?.webCall === undefined) return;
    let isCurrent = true;
    candidateApi
      .rejoinWebCall(saved.interview.id, saved.candidateToken)
      .then(({ webCall }) => {
        if (!isCurrent) return;
        setStartedState({ ...saved, webCall });
        saveCall(job.id, { ...saved, webCall });
      })
      .catch((failure: unknown) => {
        // Over (409): there is no room to go back to, and the old token would open an empty one.
        // The server away: the token kept may still do, and the panel shows where the screen is.
        if (!isCurrent || !(failure instanceof ApiError) || failure.status !== 409) return;
        const withoutRoom = omitKey(saved, 'webCall');
        setStartedState(withoutRoom);
        saveCall(job.id, withoutRoom);
      })
      .finally(() => {
        if (isCurrent) setIsRejoining(false);
      });
    return () => {
      isCurrent = false;
    };
  }, [saved, job.id]);
  const [startError, setStartError] = useState<string | undefined>();
  const [isStarting, setIsStarting] = useState(false);
  // One key per attempt: a double click or a retried request answers the same interview (REL-3).
  const [idempotencyKey, setIdempotencyKey] = useState(() => crypto.randomUUID());
  const phoneInput = useRef<HTMLInputElement>(null);
  const missingId = useId();

  const phoneCheck = checkPhoneInput(phone);
  const isEmailValid = details.email.trim() === '' || EMAIL_PATTERN.test(details.email.trim());
  const missing = [
    upload === undefined && 'upload your resume',
    asksPhone && !phoneCheck.ok && 'enter a valid phone number',
    !isEmailValid && 'correct the email',
    !hasConsent && 'tick the consent box',
  ].filter((item): item is string => item !== false);

  const onUploaded = (next: UploadResumeResponse): void => {
    setUpload(next);
    setDetails(detailsFromResume(next.resume));
    const parsedPhone = next.resume.parsed.phone;
    if (asksPhone && parsedPhone !== null && phone.input.trim() === '') {
      setPhone({ country: countryOf(parsedPhone) ?? phone.country, input: parsedPhone });
    }
  };

  const onCallMeNow = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    if (upload === undefined || missing.length > 0) return;
    setIsStarting(true);
    setStartError(undefined);
    const name = details.name.trim();
    const email = details.email.trim();
    candidateApi
      .start(
        {
          jobId: job.id,
          resumeId: upload.resume.id,
          ...(asksPhone && phoneCheck.ok && { phone: phoneCheck.e164 }),
          consent: true,
          consentTextVersion: disclosure.version,
          timezone: Intl.DateTimeFormat().resolvedOptions().timeZone,
          ...(name !== '' && { name }),
          ...(email !== '' && { email }),
        },
        idempotencyKey,
      )
      .then(
        (answer) => {
          setIsStarting(false);
          setStarted(answer);
        },
        (failure: unknown) => {
          setIsStarting(false);
          setStartError(errorMessage(failure));
        },
      );
  };

  const onRetry = (kind: RetryKind): void => {
    setStarted(undefined);
    setIdempotencyKey(crypto.randomUUID());
    // Consent is given at the click, for each call.
    setHasConsent(false);
    if (kind === 'fix-number') requestAnimationFrame(() => phoneInput.current?.focus());
  };

  return (
    <div className="apply">
      <JobBrief job={job} />
      {isRejoining ? (
        <p className="card" role="status">
          Reconnecting to your screen…
        </p>
      ) : started !== undefined ? (
        <CallPanel
          started={started}
          company={job.company}
          onRetry={onRetry}
          onEndedWebCall={() => saveCall(job.id, omitKey(started, 'webCall'))}
        />
      ) : (
        <form className="card form" onSubmit={onCallMeNow} aria-labelledby="apply-heading">
          <h2 id="apply-heading">Get your screening call</h2>
          <p className="muted">
            {asksPhone
              ? 'Upload your resume and our AI assistant calls you for a short screen, about ten minutes, tailored to your experience. A person on the recruiting team reviews it.'
              : 'Upload your resume and talk with our AI assistant right here in your browser, with your microphone, for a short screen, about ten minutes, tailored to your experience. A person on the recruiting team reviews it.'}
          </p>
          {upload === undefined ? (
            <ResumeUpload jobId={job.id} onUploaded={onUploaded} />
          ) : (
            <ResumePreview
              resume={upload.resume}
              details={details}
              onChange={setDetails}
              onReplace={() => setUpload(undefined)}
            />
          )}
          {!isEmailValid && (
            <p className="error small" role="alert">
              The email does not look right. Correct it or leave it empty.
            </p>
          )}
          {asksPhone && (
            <PhoneField
              value={phone}
              onChange={(next) => {
                setPhone(next);
                // A refusal was about the number as it was: editing it clears the stale message.
                setStartError(undefined);
              }}
              inputRef={phoneInput}
            />
          )}
          <ConsentCheckbox
            disclosure={disclosure}
            company={job.company}
            isChecked={hasConsent}
            onChange={setHasConsent}
          />
          {startError !== undefined && (
            <p role="alert" className="error">
              {startError}
            </p>
          )}
          <div className="button-row">
            <button
              type="submit"
              className="call-button"
              disabled={missing.length > 0 || isStarting}
              aria-describedby={missingId}
            >
              {startLabel(asksPhone, isStarting)}
            </button>
            <span id={missingId} className="muted small">
              {missing.length > 0 ? `To continue: ${missing.join(', ')}.` : 'Ready when you are.'}
            </span>
          </div>
        </form>
      )}
    </div>
  );
}

/** What the button does: the phone rings, or the screen starts in this browser (web mode). */
function startLabel(asksPhone: boolean, isStarting: boolean): string {
  if (asksPhone) return isStarting ? 'Calling…' : 'Call Me Now';
  return isStarting ? 'Starting…' : 'Start My Screen';
}

/** The country of the browser's language (en-GB → GB), else the United States. */
function defaultCountry(): CountryCode {
  const region = new Intl.Locale(navigator.language).maximize().region;
  return getCountries().find((code) => code === region) ?? 'US';
}
