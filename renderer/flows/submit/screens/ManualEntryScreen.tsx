import { useState } from 'react';
import { localIsoDate } from '../../../../common/cccd/calendar-date.js';
import type { IdField } from '../../../../common/cccd/invalid-id-payload.js';
import { KeyboardField } from '../../../components/keyboard/KeyboardField.js';
import type { KeyboardLayout } from '../../../components/keyboard/keyboard-logic.js';
import { OnScreenKeyboard } from '../../../components/keyboard/OnScreenKeyboard.js';
import type { MessageKey } from '../../../i18n/index.js';
import { idProblemWords, problemField } from '../id-problem-words.js';
import type { ManualFieldId } from '../submit-model.js';
import { manualProblem } from '../submit-rules.js';
import { BackButton, CancelButton, StepFrame } from './StepFrame.js';
import type { StepProps } from './step-props.js';

type TypedField = Exclude<ManualFieldId, 'sex'>;

const typed: { id: TypedField; layout: KeyboardLayout; maxLength: number; optional?: boolean; capitalize?: boolean; multiline?: boolean }[] = [
  { id: 'idNumber', layout: 'digits', maxLength: 12 },
  { id: 'fullName', layout: 'text', maxLength: 100, capitalize: true },
  { id: 'dateOfBirth', layout: 'date', maxLength: 10 },
  { id: 'address', layout: 'text', maxLength: 300, multiline: true },
  { id: 'issueDate', layout: 'date', maxLength: 10 },
  { id: 'oldIdNumber', layout: 'digits', maxLength: 12, optional: true },
];

const labels: Record<ManualFieldId, MessageKey> = {
  idNumber: 'submit.identity.idNumber',
  oldIdNumber: 'submit.identity.oldIdNumber',
  fullName: 'submit.identity.fullName',
  dateOfBirth: 'submit.identity.dateOfBirth',
  sex: 'submit.identity.sex',
  address: 'submit.identity.address',
  issueDate: 'submit.identity.issueDate',
};

const hints: Partial<Record<ManualFieldId, MessageKey>> = {
  idNumber: 'submit.manual.hint.idNumber',
  dateOfBirth: 'submit.manual.hint.date',
  issueDate: 'submit.manual.hint.issueDate',
  oldIdNumber: 'submit.manual.hint.oldIdNumber',
};

/**
 * The card typed by hand, checked as it is typed with the same rules the core applies
 * (common/cccd/manual-identity.ts); the core checks once more when it is sent.
 */
export function ManualEntryScreen({ c, act, tr, locale, checking }: StepProps & { checking: boolean }) {
  const [active, setActive] = useState<TypedField | null>('idNumber');
  const [left, setLeft] = useState<ReadonlySet<ManualFieldId>>(new Set());
  const today = localIsoDate(new Date());
  const live = manualProblem(c.manual, today);
  // the core's refusal stays until the resident changes something (the machine clears it)
  const problem = c.idProblem ?? live;
  const shown = (field: IdField): boolean => c.idProblem !== null || c.manualTried || (left.has(field as ManualFieldId) && field !== active);
  const errorFor = (field: ManualFieldId): string | null =>
    problem && problemField(problem) === field && shown(field) ? tr(...idProblemWords(problem, (key) => tr(key))) : null;
  // a refusal that names no field (the core was unreachable, …) shows above the fields
  const general = c.idProblem && problemField(c.idProblem) === null ? tr(...idProblemWords(c.idProblem, (key) => tr(key))) : null;

  const leave = (field: ManualFieldId | null) => {
    if (field !== null) setLeft((s) => new Set([...s, field]));
  };
  const activate = (field: TypedField | null) => {
    if (field !== active) leave(active);
    setActive(field);
  };
  const set = (field: ManualFieldId, value: string) => act({ type: 'submit.manualField', field, value });
  const nextAfter = (field: TypedField): TypedField | null => {
    const i = typed.findIndex((f) => f.id === field);
    return typed[i + 1]?.id ?? null;
  };
  const current = typed.find((f) => f.id === active);

  return (
    <StepFrame
      c={c}
      tr={tr}
      locale={locale}
      screen="submit.manual"
      step="identify"
      title={tr('submit.manual.title')}
      lead={tr('submit.manual.lead')}
      busy={checking}
      keyboard={
        current && (
          <OnScreenKeyboard
            key={current.id}
            layout={current.layout}
            value={c.manual[current.id]}
            onChange={(v) => set(current.id, v)}
            onDone={() => activate(nextAfter(current.id))}
            tr={tr}
            fieldLabel={tr(labels[current.id])}
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
            disabled={checking}
            onClick={() => {
              setActive(null);
              act({ type: 'submit.manualSubmit', today: localIsoDate(new Date()) });
            }}
          >
            {checking ? tr('submit.manual.checking') : tr('submit.next')}
          </button>
        </>
      }
    >
      {general && (
        <p className="notice" role="alert">
          {general}
        </p>
      )}
      <div className="fields">
        {typed.slice(0, 3).map((f) => (
          <KeyboardField
            key={f.id}
            id={`manual-${f.id}`}
            label={tr(labels[f.id])}
            value={c.manual[f.id]}
            active={active === f.id}
            onActivate={() => activate(f.id)}
            onChange={(v) => set(f.id, v)}
            hint={hints[f.id] ? tr(hints[f.id] as MessageKey) : undefined}
            placeholder={f.layout === 'date' ? tr('submit.datePlaceholder') : undefined}
            error={errorFor(f.id)}
          />
        ))}
        <fieldset className="field field--choice" data-field="manual-sex">
          <legend className="field__label">{tr(labels.sex)}</legend>
          <div className="segmented">
            {(['male', 'female'] as const).map((sex) => (
              <button
                key={sex}
                type="button"
                className={c.manual.sex === sex ? 'button button--toggle button--on' : 'button button--toggle'}
                aria-pressed={c.manual.sex === sex}
                data-sex={sex}
                onClick={() => {
                  activate(null);
                  leave('sex');
                  set('sex', sex);
                }}
              >
                {tr(`submit.identity.sex.${sex}`)}
              </button>
            ))}
          </div>
          {errorFor('sex') && (
            <p className="field__error" role="alert">
              {errorFor('sex')}
            </p>
          )}
        </fieldset>
        {typed.slice(3).map((f) => (
          <KeyboardField
            key={f.id}
            id={`manual-${f.id}`}
            label={f.optional ? tr('submit.optional', { label: tr(labels[f.id]) }) : tr(labels[f.id])}
            value={c.manual[f.id]}
            active={active === f.id}
            onActivate={() => activate(f.id)}
            onChange={(v) => set(f.id, v)}
            hint={hints[f.id] ? tr(hints[f.id] as MessageKey) : undefined}
            placeholder={f.layout === 'date' ? tr('submit.datePlaceholder') : undefined}
            error={errorFor(f.id)}
            multiline={f.multiline === true}
          />
        ))}
      </div>
    </StepFrame>
  );
}
