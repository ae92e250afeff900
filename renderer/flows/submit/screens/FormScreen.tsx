import { useState } from 'react';
import type { FormField } from '../../../../common/catalog/catalog-schema.js';
import { KeyboardField } from '../../../components/keyboard/KeyboardField.js';
import type { KeyboardLayout } from '../../../components/keyboard/keyboard-logic.js';
import { OnScreenKeyboard } from '../../../components/keyboard/OnScreenKeyboard.js';
import type { ContactField } from '../submit-machine.js';
import { cardFilledFields, formProblems, problemWords } from '../submit-rules.js';
import { IdentityFacts } from './IdentityFacts.js';
import { BackButton, CancelButton, StepFrame } from './StepFrame.js';
import type { StepProps } from './step-props.js';

/** One typed field of this screen: a contact field or a procedure field. */
type Target = { kind: 'contact'; field: ContactField } | { kind: 'form'; field: FormField };

const layoutOf = (f: FormField): KeyboardLayout => {
  switch (f.type) {
    case 'date':
      return 'date';
    case 'phone':
      return 'phone';
    case 'email':
      return 'email';
    case 'number':
    case 'idNumber':
      return 'digits';
    default:
      return 'text';
  }
};

const keyOf = (t: Target): string => (t.kind === 'contact' ? `contact-${t.field}` : `form-${t.field.id}`);

/**
 * The card already filled the identity (read-only here; "wrong?" leads to typing it by hand);
 * the resident adds only what the card lacks: a phone, maybe an e-mail, the procedure's fields.
 */
export function FormScreen({ c, act, tr, locale }: StepProps) {
  const [active, setActive] = useState<Target | null>(null);
  const [left, setLeft] = useState<ReadonlySet<string>>(new Set());
  // the card already answered the fields it can fill: they show with the card's facts
  // decided when the screen opens, so a field being typed never vanishes under the finger
  const [fromCard] = useState(() => cardFilledFields(c));
  const fields = (c.procedure?.fields ?? []).filter((f) => !fromCard.has(f.id));
  const problems = formProblems(c);
  const typedTargets: Target[] = [
    { kind: 'contact', field: 'phone' },
    { kind: 'contact', field: 'email' },
    ...fields.filter((f) => f.type !== 'select').map((field): Target => ({ kind: 'form', field })),
  ];
  const activate = (t: Target | null) => {
    if (active && (t === null || keyOf(t) !== keyOf(active))) setLeft((s) => new Set([...s, keyOf(active)]));
    setActive(t);
  };
  const errorOf = (key: string, id: string): string | null => {
    const p = problems[id];
    const show = c.formTried || (left.has(key) && (active === null || keyOf(active) !== key));
    return p && show ? tr(...problemWords(p)) : null;
  };
  const valueOf = (t: Target): string => (t.kind === 'contact' ? c.contact[t.field] : (c.form[t.field.id] ?? ''));
  const setValue = (t: Target, value: string) =>
    act(t.kind === 'contact' ? { type: 'submit.contactField', field: t.field, value } : { type: 'submit.formField', id: t.field.id, value });
  const labelOf = (t: Target): string => {
    if (t.kind === 'contact') return t.field === 'phone' ? tr('submit.form.phone') : tr('submit.optional', { label: tr('submit.form.email') });
    const label = t.field.label[locale];
    return t.field.required ? label : tr('submit.optional', { label });
  };
  const nextAfter = (t: Target): Target | null => typedTargets[typedTargets.findIndex((x) => keyOf(x) === keyOf(t)) + 1] ?? null;

  const typedField = (t: Target) => {
    const key = keyOf(t);
    const hint = t.kind === 'contact' ? tr(t.field === 'phone' ? 'submit.form.phoneHint' : 'submit.form.emailHint') : t.field.hint?.[locale];
    const layout = t.kind === 'contact' ? (t.field === 'phone' ? 'phone' : 'email') : layoutOf(t.field);
    return (
      <KeyboardField
        key={key}
        id={key}
        label={labelOf(t)}
        value={valueOf(t)}
        active={active !== null && keyOf(active) === key}
        onActivate={() => activate(t)}
        onChange={(v) => setValue(t, v)}
        hint={hint}
        placeholder={layout === 'date' ? tr('submit.datePlaceholder') : undefined}
        error={errorOf(key, t.kind === 'contact' ? `contact.${t.field}` : t.field.id)}
        multiline={t.kind === 'form' && t.field.type === 'textarea'}
      />
    );
  };

  return (
    <StepFrame
      c={c}
      tr={tr}
      locale={locale}
      screen="submit.form"
      step="form"
      title={tr('submit.form.title')}
      lead={tr('submit.form.lead')}
      keyboard={
        active && (
          <OnScreenKeyboard
            key={keyOf(active)}
            layout={active.kind === 'contact' ? (active.field === 'phone' ? 'phone' : 'email') : layoutOf(active.field)}
            value={valueOf(active)}
            onChange={(v) => setValue(active, v)}
            onDone={() => activate(nextAfter(active))}
            tr={tr}
            fieldLabel={labelOf(active)}
            maxLength={active.kind === 'form' ? (active.field.maxLength ?? 500) : active.field === 'phone' ? 15 : 100}
            // names (fullName, wardFullName, …) get a capital at each word, as on the card
            capitalizeWords={active.kind === 'form' && /name$/i.test(active.field.id)}
          />
        )
      }
      actions={
        <>
          <BackButton act={act} tr={tr} />
          <CancelButton act={act} tr={tr} />
          <button
            type="button"
            className="button button--primary"
            data-action="next"
            onClick={() => {
              activate(null);
              act({ type: 'submit.next' });
            }}
          >
            {tr('submit.next')}
          </button>
        </>
      }
    >
      {c.formTried && Object.keys(problems).length > 0 && (
        <p className="notice" role="alert">
          {tr('submit.form.fixErrors')}
        </p>
      )}
      <section aria-labelledby="form-identity">
        <h2 className="subtitle" id="form-identity">
          {tr('submit.form.fromCard')}
        </h2>
        {c.identity && <IdentityFacts identity={c.identity} tr={tr} />}
        <button type="button" className="button button--secondary" data-action="reenterIdentity" onClick={() => act({ type: 'submit.reenterIdentity' })}>
          {tr('submit.form.wrongIdentity')}
        </button>
      </section>
      <section aria-labelledby="form-contact">
        <h2 className="subtitle" id="form-contact">
          {tr('submit.form.contact')}
        </h2>
        <div className="fields">{typedTargets.slice(0, 2).map(typedField)}</div>
      </section>
      {fields.length > 0 && (
        <section aria-labelledby="form-procedure">
          <h2 className="subtitle" id="form-procedure">
            {tr('submit.form.procedureFields')}
          </h2>
          <div className="fields">
            {fields.map((f) =>
              f.type === 'select' ? (
                <fieldset key={f.id} className="field field--choice" data-field={`form-${f.id}`}>
                  <legend className="field__label">{f.required ? f.label[locale] : tr('submit.optional', { label: f.label[locale] })}</legend>
                  {f.hint && <p className="field__hint">{f.hint[locale]}</p>}
                  <div className="segmented">
                    {(f.options ?? []).map((o) => (
                      <button
                        key={o.value}
                        type="button"
                        className={c.form[f.id] === o.value ? 'button button--toggle button--on' : 'button button--toggle'}
                        aria-pressed={c.form[f.id] === o.value}
                        data-option={o.value}
                        onClick={() => {
                          activate(null);
                          act({ type: 'submit.formField', id: f.id, value: c.form[f.id] === o.value && !f.required ? '' : o.value });
                        }}
                      >
                        {o.label[locale]}
                      </button>
                    ))}
                  </div>
                  {errorOf(`form-${f.id}`, f.id) && (
                    <p className="field__error" role="alert">
                      {errorOf(`form-${f.id}`, f.id)}
                    </p>
                  )}
                </fieldset>
              ) : (
                typedField({ kind: 'form', field: f })
              ),
            )}
          </div>
        </section>
      )}
    </StepFrame>
  );
}
