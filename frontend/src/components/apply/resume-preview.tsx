import type { Resume } from '@screenline/core';

export interface CandidateDetails {
  name: string;
  email: string;
  latestRole: string;
}

/** What the resume says about the candidate, before they correct it. */
export function detailsFromResume(resume: Resume): CandidateDetails {
  const latest = resume.parsed.experience[0];
  const role = [latest?.title, latest?.employer].filter((part) => part != null && part !== '');
  return {
    name: resume.parsed.name ?? '',
    email: resume.parsed.email ?? '',
    latestRole: role.join(' at '),
  };
}

/** The parsed name, email and latest role, editable: the parser can be wrong. */
export function ResumePreview({
  resume,
  details,
  onChange,
  onReplace,
}: {
  resume: Resume;
  details: CandidateDetails;
  onChange: (details: CandidateDetails) => void;
  onReplace: () => void;
}) {
  return (
    <fieldset className="fieldset">
      <legend>From your resume</legend>
      <p className="small">
        Read from <strong>{resume.fileName}</strong>. Correct anything we got wrong.{' '}
        <button type="button" className="link-button inline" onClick={onReplace}>
          Use another file
        </button>
      </p>
      {resume.warnings.length > 0 && (
        <ul className="small muted">
          {resume.warnings.map((warning) => (
            <li key={warning}>{warning}</li>
          ))}
        </ul>
      )}
      <div className="field-row">
        <label className="field">
          <span>Name</span>
          <input
            autoComplete="name"
            value={details.name}
            onChange={(event) => onChange({ ...details, name: event.target.value })}
          />
        </label>
        <label className="field">
          <span>Email</span>
          <input
            type="email"
            autoComplete="email"
            value={details.email}
            onChange={(event) => onChange({ ...details, email: event.target.value })}
          />
        </label>
      </div>
      <label className="field">
        <span>Latest role</span>
        <input
          autoComplete="organization-title"
          value={details.latestRole}
          onChange={(event) => onChange({ ...details, latestRole: event.target.value })}
        />
      </label>
    </fieldset>
  );
}
