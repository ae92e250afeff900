import { useEffect, useRef } from 'react';

export interface KeyboardFieldProps {
  id: string;
  label: string;
  value: string;
  /** the on-screen keyboard is typing into this field */
  active: boolean;
  onActivate: () => void;
  /** a hardware keyboard (or a test) typing straight into the input */
  onChange: (value: string) => void;
  hint?: string | undefined;
  error?: string | null | undefined;
  /** e.g. "dd/mm/yyyy" */
  placeholder?: string | undefined;
  multiline?: boolean;
}

/**
 * A labelled input typed with the on-screen keyboard: a tap makes it the keyboard's target
 * (no system keyboard: inputMode none). Its error is words, not only a red border.
 */
export function KeyboardField({ id, label, value, active, onActivate, onChange, hint, error, placeholder, multiline }: KeyboardFieldProps) {
  const box = useRef<HTMLDivElement>(null);
  // the keyboard opening below takes room: keep the field being typed in sight
  useEffect(() => {
    if (active) box.current?.scrollIntoView?.({ block: 'nearest' });
  }, [active]);
  const described = [hint ? `${id}-hint` : null, error ? `${id}-error` : null].filter((x) => x !== null).join(' ') || undefined;
  const common = {
    id,
    className: 'field__input',
    value,
    inputMode: 'none' as const,
    autoComplete: 'off',
    spellCheck: false,
    placeholder,
    'aria-invalid': error ? true : undefined,
    'aria-describedby': described,
    'data-active': active ? 'true' : undefined,
    onFocus: onActivate,
    onClick: onActivate,
  };
  return (
    <div ref={box} className={['field', active ? 'field--active' : '', error ? 'field--invalid' : ''].filter(Boolean).join(' ')} data-field={id}>
      <label className="field__label" htmlFor={id}>
        {label}
      </label>
      {multiline ? (
        <textarea {...common} rows={2} onChange={(e) => onChange(e.target.value)} />
      ) : (
        <input {...common} type="text" onChange={(e) => onChange(e.target.value)} />
      )}
      {hint && (
        <p className="field__hint" id={`${id}-hint`}>
          {hint}
        </p>
      )}
      {error && (
        <p className="field__error" id={`${id}-error`} role="alert">
          {error}
        </p>
      )}
    </div>
  );
}
