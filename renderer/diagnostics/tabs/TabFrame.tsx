import { useEffect, useRef, type ReactNode } from 'react';
import type { Translate } from '../../app/screen-props.js';
import { errorMessageKey } from '../../i18n/index.js';
import type { DiagFailure } from '../diagnostics-types.js';
import type { DiagTabProps } from './tab-props.js';

/**
 * A tab's scrolling body: its one heading, what is going on (loading, an action running),
 * the last failure, then the tab's content. Focusable, so a keyboard can scroll it.
 */
export function TabBody({
  title,
  snapshot,
  tr,
  children,
  failureShown = true,
}: Pick<DiagTabProps, 'snapshot' | 'tr'> & { title: string; children: ReactNode; /** false: the tab shows the failure by what failed */ failureShown?: boolean }) {
  const loading = snapshot.hasTag('loading');
  const busy = snapshot.hasTag('busy');
  const { failure } = snapshot.context;
  return (
    <section className="screen__top diag__body" tabIndex={0} aria-labelledby="diag-title">
      <h1 className="title diag__title" id="diag-title">
        {title}
      </h1>
      <p className="diag__status" role="status">
        {loading ? tr('diag.loading') : busy ? tr('diag.working') : ''}
      </p>
      {failure && failureShown && <FailureNotice failure={failure} tr={tr} />}
      {children}
    </section>
  );
}

/** A failed call as a technician needs it: which call, the kind, the core's detail, and the resident's words. */
export function FailureNotice({ failure, tr }: { failure: DiagFailure; tr: Translate }) {
  const { error } = failure;
  const box = useRef<HTMLDivElement>(null);
  // the technician may have scrolled down to the button that failed: bring the reason into view
  useEffect(() => box.current?.scrollIntoView({ block: 'nearest' }), [failure]);
  return (
    <div className="diag-failure" role="alert" data-failure={error.kind} data-action={failure.action} ref={box}>
      <p className="diag-failure__title">
        <span aria-hidden="true">{'✗ '}</span>
        {tr('diag.failure.title', { action: failure.action })}
      </p>
      <dl className="facts">
        <dt>{tr('diag.failure.kind')}</dt>
        <dd>
          <code>{error.kind}</code>
        </dd>
        <dt>{tr('diag.failure.detail')}</dt>
        <dd>{error.message}</dd>
        <dt>{tr('diag.failure.resident')}</dt>
        <dd>{tr(errorMessageKey(error.kind))}</dd>
        {error.issues && error.issues.length > 0 && (
          <>
            <dt>{tr('diag.failure.issues')}</dt>
            <dd>
              <ul className="diag-list">
                {error.issues.map((issue) => (
                  <li key={`${issue.path}:${issue.rule}`}>
                    <code>{issue.path}</code>
                    {': '}
                    {issue.rule}
                  </li>
                ))}
              </ul>
            </dd>
          </>
        )}
      </dl>
    </div>
  );
}

/** One label and value in a `.facts` list. */
export function Fact({ label, children, name }: { label: string; children: ReactNode; name?: string }) {
  return (
    <>
      <dt>{label}</dt>
      <dd data-fact={name}>{children}</dd>
    </>
  );
}
