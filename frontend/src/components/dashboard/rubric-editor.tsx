import type { RubricCriterion } from '@screenline/core';
import { omitKey } from '../../lib/omit-key';
import { slugify } from '../../lib/slug';

/** Scorecard criteria and their weights. */
export function RubricEditor({
  rubric,
  onChange,
}: {
  rubric: RubricCriterion[];
  onChange: (rubric: RubricCriterion[]) => void;
}) {
  const update = (index: number, next: RubricCriterion): void =>
    onChange(rubric.map((item, position) => (position === index ? next : item)));
  const add = (): void =>
    onChange([...rubric, { id: `criterion-${rubric.length + 1}`, name: '', weight: 1 }]);

  return (
    <fieldset className="fieldset">
      <legend>Rubric</legend>
      {rubric.length === 0 && <p className="empty">No criteria: the scorecard will have none.</p>}
      {rubric.map((criterion, index) => {
        const label = `Criterion ${index + 1}`;
        return (
          <div key={index} className="repeat-item" role="group" aria-label={label}>
            <div className="field-row">
              <label className="field grow">
                <span>Criterion name</span>
                <input
                  value={criterion.name}
                  required
                  minLength={2}
                  onChange={(event) => {
                    const name = event.target.value;
                    const isAutoId =
                      criterion.id === slugify(criterion.name) ||
                      criterion.id.startsWith('criterion-');
                    update(index, {
                      ...criterion,
                      name,
                      id: isAutoId && slugify(name) !== '' ? slugify(name) : criterion.id,
                    });
                  }}
                />
              </label>
              <label className="field narrow-field">
                <span>Weight</span>
                <input
                  type="number"
                  min={0.5}
                  max={100}
                  step={0.5}
                  required
                  value={criterion.weight}
                  onChange={(event) =>
                    update(index, { ...criterion, weight: Number(event.target.value) })
                  }
                />
              </label>
            </div>
            <label className="field">
              <span>What it means</span>
              <input
                value={criterion.description ?? ''}
                onChange={(event) => {
                  const rest = omitKey(criterion, 'description');
                  update(
                    index,
                    event.target.value === '' ? rest : { ...rest, description: event.target.value },
                  );
                }}
              />
            </label>
            <label className="field">
              <span>Looks like (one phrase per line, as a good answer would say it)</span>
              {/* Uncontrolled, so a new empty line can be typed; the phrases are read on each change. */}
              <textarea
                rows={2}
                defaultValue={(criterion.looksLike ?? []).join('\n')}
                onChange={(event) => {
                  const phrases = event.target.value
                    .split('\n')
                    .map((line) => line.trim())
                    .filter((line) => line.length >= 2)
                    .slice(0, 10);
                  const rest = omitKey(criterion, 'looksLike');
                  update(index, phrases.length === 0 ? rest : { ...rest, looksLike: phrases });
                }}
              />
            </label>
            <button
              type="button"
              className="link-button"
              onClick={() => onChange(rubric.filter((_, position) => position !== index))}
            >
              Remove {label.toLowerCase()}
            </button>
          </div>
        );
      })}
      <button type="button" className="secondary" onClick={add}>
        Add a criterion
      </button>
    </fieldset>
  );
}
