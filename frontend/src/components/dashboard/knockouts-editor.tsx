import type { Knockout, KnockoutAnswerType } from '@screenline/core';
import { omitKey } from '../../lib/omit-key';
import { slugify } from '../../lib/slug';
import { SelectField } from '../common/select-field';

const ANSWER_TYPES: Record<KnockoutAnswerType, string> = {
  yes_no: 'Yes or no',
  number: 'A number',
  duration_days: 'A duration in days',
  text: 'Free text (not scored)',
};

/** Knock-out questions with the answers the job accepts. */
export function KnockoutsEditor({
  knockouts,
  onChange,
}: {
  knockouts: Knockout[];
  onChange: (knockouts: Knockout[]) => void;
}) {
  const update = (index: number, next: Knockout): void =>
    onChange(knockouts.map((item, position) => (position === index ? next : item)));
  const remove = (index: number): void =>
    onChange(knockouts.filter((_, position) => position !== index));
  const add = (): void =>
    onChange([
      ...knockouts,
      {
        id: `question-${knockouts.length + 1}`,
        question: '',
        answerType: 'yes_no',
        accept: { equals: true },
      },
    ]);

  return (
    <fieldset className="fieldset">
      <legend>Knock-out questions</legend>
      {knockouts.length === 0 && <p className="empty">No knock-out questions.</p>}
      {knockouts.map((knockout, index) => {
        const label = `Knock-out ${index + 1}`;
        return (
          <div key={index} className="repeat-item" role="group" aria-label={label}>
            <label className="field">
              <span>Question</span>
              <input
                value={knockout.question}
                required
                minLength={5}
                onChange={(event) => {
                  const question = event.target.value;
                  const isAutoId =
                    knockout.id === slugify(knockout.question) ||
                    knockout.id.startsWith('question-');
                  update(index, {
                    ...knockout,
                    question,
                    id: isAutoId && slugify(question) !== '' ? slugify(question) : knockout.id,
                  });
                }}
              />
            </label>
            <div className="field-row">
              <SelectField
                label="Answer type"
                value={knockout.answerType}
                onChange={(event) => {
                  const answerType = event.target.value as KnockoutAnswerType;
                  update(index, {
                    ...knockout,
                    answerType,
                    accept: answerType === 'yes_no' ? { equals: true } : {},
                  });
                }}
              >
                {Object.entries(ANSWER_TYPES).map(([value, text]) => (
                  <option key={value} value={value}>
                    {text}
                  </option>
                ))}
              </SelectField>
              {knockout.answerType === 'yes_no' && (
                <SelectField
                  label="Accepted answer"
                  value={knockout.accept.equals === false ? 'no' : 'yes'}
                  onChange={(event) =>
                    update(index, {
                      ...knockout,
                      accept: { equals: event.target.value === 'yes' },
                    })
                  }
                >
                  <option value="yes">Yes</option>
                  <option value="no">No</option>
                </SelectField>
              )}
              {(knockout.answerType === 'number' || knockout.answerType === 'duration_days') && (
                <>
                  <NumberField
                    label="Minimum accepted"
                    value={knockout.accept.min}
                    onChange={(min) =>
                      update(index, { ...knockout, accept: withBound(knockout.accept, 'min', min) })
                    }
                  />
                  <NumberField
                    label="Maximum accepted"
                    value={knockout.accept.max}
                    onChange={(max) =>
                      update(index, { ...knockout, accept: withBound(knockout.accept, 'max', max) })
                    }
                  />
                  <label className="field">
                    <span>Unit</span>
                    <input
                      value={knockout.unit ?? ''}
                      placeholder={
                        knockout.answerType === 'duration_days' ? 'days' : 'USD per year'
                      }
                      onChange={(event) => {
                        const rest = omitKey(knockout, 'unit');
                        update(
                          index,
                          event.target.value === '' ? rest : { ...rest, unit: event.target.value },
                        );
                      }}
                    />
                  </label>
                </>
              )}
            </div>
            <p className="muted small">Id: {knockout.id}</p>
            <button type="button" className="link-button" onClick={() => remove(index)}>
              Remove {label.toLowerCase()}
            </button>
          </div>
        );
      })}
      <button type="button" className="secondary" onClick={add}>
        Add a knock-out question
      </button>
    </fieldset>
  );
}

function withBound(
  accept: Knockout['accept'],
  bound: 'min' | 'max',
  value: number | undefined,
): Knockout['accept'] {
  const rest = omitKey(accept, bound);
  return value === undefined ? rest : { ...rest, [bound]: value };
}

function NumberField({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number | undefined;
  onChange: (value: number | undefined) => void;
}) {
  return (
    <label className="field">
      <span>{label}</span>
      <input
        type="number"
        inputMode="decimal"
        value={value ?? ''}
        onChange={(event) => {
          const text = event.target.value;
          onChange(text === '' || Number.isNaN(Number(text)) ? undefined : Number(text));
        }}
      />
    </label>
  );
}
