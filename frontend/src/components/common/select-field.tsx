import { useId, type ReactNode, type SelectHTMLAttributes } from 'react';

/**
 * A labelled select. The label points at the select with `htmlFor` instead of wrapping it, so the
 * accessible name is the label alone, not the label plus every option's text.
 */
export function SelectField({
  label,
  className,
  children,
  ...selectProps
}: {
  label: string;
  className?: string;
  children: ReactNode;
} & SelectHTMLAttributes<HTMLSelectElement>) {
  const id = useId();
  return (
    <div className={`field ${className ?? ''}`}>
      <label htmlFor={id}>{label}</label>
      <select id={id} {...selectProps}>
        {children}
      </select>
    </div>
  );
}
