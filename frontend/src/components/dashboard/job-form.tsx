import type { Job, JobInput, Knockout, RubricCriterion } from '@screenline/core';
import { useState, type SubmitEvent } from 'react';
import { KnockoutsEditor } from './knockouts-editor';
import { RubricEditor } from './rubric-editor';
import { errorMessage } from '../../lib/api';

export interface JobFormValues {
  title: string;
  company: string;
  location: string;
  description: string;
  requirements: string;
  knockouts: Knockout[];
  rubric: RubricCriterion[];
}

export function jobToFormValues(job: Job | undefined): JobFormValues {
  return {
    title: job?.title ?? '',
    company: job?.company ?? '',
    location: job?.location ?? '',
    description: job?.description ?? '',
    requirements: (job?.requirements ?? []).join('\n'),
    knockouts: job?.knockouts ?? [],
    rubric: job?.rubric ?? [],
  };
}

/** The job's fields as the API takes them (requirements: one per line). */
export function formValuesToInput(values: JobFormValues): JobInput {
  return {
    title: values.title,
    company: values.company,
    location: values.location,
    description: values.description,
    requirements: values.requirements
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line !== ''),
    knockouts: values.knockouts,
    rubric: values.rubric,
  };
}

/** Create or edit a job; the API's validation message is shown as it is. */
export function JobForm({
  initial,
  submitLabel,
  onSubmit,
}: {
  initial: JobFormValues;
  submitLabel: string;
  onSubmit: (input: JobInput) => Promise<void>;
}) {
  const [values, setValues] = useState(initial);
  const [error, setError] = useState<string | undefined>();
  const [isSaving, setIsSaving] = useState(false);
  const set = <K extends keyof JobFormValues>(key: K, value: JobFormValues[K]): void =>
    setValues((previous) => ({ ...previous, [key]: value }));

  const submit = (event: SubmitEvent<HTMLFormElement>): void => {
    event.preventDefault();
    setIsSaving(true);
    setError(undefined);
    onSubmit(formValuesToInput(values)).then(
      () => setIsSaving(false),
      (failure: unknown) => {
        setIsSaving(false);
        setError(errorMessage(failure));
      },
    );
  };

  return (
    <form className="form card" onSubmit={submit}>
      <div className="field-row">
        <label className="field grow">
          <span>Title</span>
          <input
            value={values.title}
            required
            minLength={2}
            onChange={(e) => set('title', e.target.value)}
          />
        </label>
        <label className="field grow">
          <span>Company</span>
          <input value={values.company} required onChange={(e) => set('company', e.target.value)} />
        </label>
      </div>
      <label className="field">
        <span>Location</span>
        <input value={values.location} onChange={(e) => set('location', e.target.value)} />
      </label>
      <label className="field">
        <span>Description</span>
        <textarea
          rows={6}
          value={values.description}
          onChange={(e) => set('description', e.target.value)}
        />
      </label>
      <label className="field">
        <span>Requirements (one per line)</span>
        <textarea
          rows={5}
          value={values.requirements}
          onChange={(e) => set('requirements', e.target.value)}
        />
      </label>
      <KnockoutsEditor knockouts={values.knockouts} onChange={(next) => set('knockouts', next)} />
      <RubricEditor rubric={values.rubric} onChange={(next) => set('rubric', next)} />
      {error !== undefined && (
        <p role="alert" className="error">
          {error}
        </p>
      )}
      <div className="button-row">
        <button type="submit" disabled={isSaving}>
          {isSaving ? 'Saving…' : submitLabel}
        </button>
      </div>
    </form>
  );
}
