import { useState } from 'react';
import { KeyboardField } from '../../../components/keyboard/KeyboardField.js';
import type { KeyboardLayout } from '../../../components/keyboard/keyboard-logic.js';
import { OnScreenKeyboard } from '../../../components/keyboard/OnScreenKeyboard.js';
import type { MessageKey } from '../../../i18n/index.js';
import type { DeliveryField } from '../submit-machine.js';
import { deliveryProblems, problemWords } from '../submit-rules.js';
import { BackButton, CancelButton, StepFrame } from './StepFrame.js';
import type { StepProps } from './step-props.js';

const postalFields: { id: DeliveryField; label: MessageKey; layout: KeyboardLayout; maxLength: number; capitalize?: boolean; multiline?: boolean }[] = [
  { id: 'recipientName', label: 'submit.delivery.recipientName', layout: 'text', maxLength: 100, capitalize: true },
  { id: 'address', label: 'submit.delivery.address', layout: 'text', maxLength: 300, multiline: true },
  { id: 'phone', label: 'submit.delivery.phone', layout: 'phone', maxLength: 15 },
];

/** Where the result goes: the counter, or by public postal service (Decision 45/2016/QĐ-TTg). */
export function DeliveryScreen({ c, act, tr, locale }: StepProps) {
  const [active, setActive] = useState<DeliveryField | null>(null);
  const [left, setLeft] = useState<ReadonlySet<DeliveryField>>(new Set());
  const methods = c.procedure?.delivery ?? ['counter'];
  const agency = c.input.catalog.agencies.find((a) => a.id === c.procedure?.agency);
  const problems = deliveryProblems(c.delivery);
  const activate = (f: DeliveryField | null) => {
    if (active !== null && f !== active) setLeft((s) => new Set([...s, active]));
    setActive(f);
  };
  const errorOf = (f: DeliveryField | 'method'): string | null => {
    const p = problems[f];
    const show = c.deliveryTried || (f !== 'method' && left.has(f) && f !== active);
    return p && show ? tr(...problemWords(p)) : null;
  };
  const current = postalFields.find((f) => f.id === active);
  const set = (field: DeliveryField, value: string) => act({ type: 'submit.deliveryField', field, value });
  return (
    <StepFrame
      c={c}
      tr={tr}
      locale={locale}
      screen="submit.delivery"
      step="delivery"
      title={tr('submit.delivery.title')}
      lead={tr(methods.length > 1 ? 'submit.delivery.lead' : 'submit.delivery.leadOne')}
      keyboard={
        current &&
        c.delivery.method === 'postal' && (
          <OnScreenKeyboard
            key={current.id}
            layout={current.layout}
            value={c.delivery[current.id]}
            onChange={(v) => set(current.id, v)}
            onDone={() => activate(postalFields[postalFields.indexOf(current) + 1]?.id ?? null)}
            tr={tr}
            fieldLabel={tr(current.label)}
            maxLength={current.maxLength}
            capitalizeWords={current.capitalize === true}
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
      <fieldset className="field field--choice delivery-methods" data-field="delivery-method">
        <legend className="field__label">{tr('submit.delivery.method')}</legend>
        {methods.map((m) => (
          <button
            key={m}
            type="button"
            className={c.delivery.method === m ? 'choice choice--on' : 'choice'}
            aria-pressed={c.delivery.method === m}
            data-method={m}
            onClick={() => {
              activate(null);
              act({ type: 'submit.deliveryMethod', method: m });
            }}
          >
            <span className="choice__label">{tr(`submit.delivery.${m}`)}</span>
            <span className="choice__hint">
              {m === 'counter' && agency ? tr('submit.delivery.counterHint', { agency: agency.name[locale] }) : tr(`submit.delivery.${m}Hint`)}
            </span>
          </button>
        ))}
        {errorOf('method') && (
          <p className="field__error" role="alert">
            {errorOf('method')}
          </p>
        )}
      </fieldset>
      {c.delivery.method === 'postal' && (
        <section aria-labelledby="delivery-postal">
          <h2 className="subtitle" id="delivery-postal">
            {tr('submit.delivery.postalDetails')}
          </h2>
          <p className="hint" data-testid="postage-note">
            {tr('submit.delivery.postage')}
          </p>
          <div className="fields">
            {postalFields.map((f) => (
              <KeyboardField
                key={f.id}
                id={`delivery-${f.id}`}
                label={tr(f.label)}
                value={c.delivery[f.id]}
                active={active === f.id}
                onActivate={() => activate(f.id)}
                onChange={(v) => set(f.id, v)}
                error={errorOf(f.id)}
                multiline={f.multiline === true}
              />
            ))}
          </div>
        </section>
      )}
    </StepFrame>
  );
}
