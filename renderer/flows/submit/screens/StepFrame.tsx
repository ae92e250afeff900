import type { ReactNode } from 'react';
import type { StepProps } from './step-props.js';

/** Steps the resident counts through (the devices check and the choice come before). */
export const numberedSteps = ['identify', 'form', 'scan', 'delivery', 'consent', 'review'] as const;
export type NumberedStep = (typeof numberedSteps)[number];

interface FrameProps extends Pick<StepProps, 'c' | 'tr' | 'locale'> {
  screen: string;
  title: string;
  lead?: string | undefined;
  step?: NumberedStep;
  busy?: boolean;
  /** the scrolling part: fields, lists */
  children?: ReactNode;
  /** the on-screen keyboard, docked above the actions while a field is being typed */
  keyboard?: ReactNode;
  actions: ReactNode;
}

/**
 * Every submit screen: which procedure and which step, one title, the content, and the
 * actions at the bottom where a hand reaches. (The app frame shows the assisted-mode banner.)
 */
export function StepFrame({ c, tr, locale, screen, title, lead, step, busy, children, keyboard, actions }: FrameProps) {
  return (
    <main className={keyboard ? 'screen submit submit--typing' : 'screen submit'} data-screen={screen} aria-busy={busy ? true : undefined}>
      <header className="submit__top">
        {c.procedure && (
          <p className="eyebrow">
            {c.procedure.name[locale]}
            {step && <span className="submit__step">{tr('submit.stepOf', { step: numberedSteps.indexOf(step) + 1, total: numberedSteps.length })}</span>}
          </p>
        )}
        <h1 className="title">{title}</h1>
        {lead && <p className="lead">{lead}</p>}
      </header>
      <div className="submit__body">{children}</div>
      {keyboard && <div className="submit__keyboard">{keyboard}</div>}
      <div className="actions">{actions}</div>
    </main>
  );
}

export function BackButton({ act, tr }: Pick<StepProps, 'act' | 'tr'>) {
  return (
    <button type="button" className="button button--secondary" data-action="back" onClick={() => act({ type: 'submit.back' })}>
      {tr('common.back')}
    </button>
  );
}

export function CancelButton({ act, tr }: Pick<StepProps, 'act' | 'tr'>) {
  return (
    <button type="button" className="button button--secondary" data-action="cancel" onClick={() => act({ type: 'submit.cancel' })}>
      {tr('submit.cancel')}
    </button>
  );
}
