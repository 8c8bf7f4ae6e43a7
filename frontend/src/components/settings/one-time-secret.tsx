/** A secret shown once (a signing secret, an API key, an invitation link), ready to copy. */
export function OneTimeSecret({
  label,
  value,
  note,
  onDone,
}: {
  label: string;
  value: string;
  note: string;
  onDone: () => void;
}) {
  return (
    <div role="status" className="notice">
      <label className="field">
        <span>{label}</span>
        <input readOnly value={value} onFocus={(event) => event.target.select()} />
      </label>
      <p className="muted">{note}</p>
      <div className="button-row">
        <button
          type="button"
          className="secondary"
          onClick={() => void navigator.clipboard.writeText(value)}
        >
          Copy
        </button>
        <button type="button" className="secondary" onClick={onDone}>
          Done
        </button>
      </div>
    </div>
  );
}
