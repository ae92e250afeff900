import { useWedgeScan } from '../../../components/wedge/use-wedge-scan.js';
import { idProblemWords } from '../id-problem-words.js';
import { BackButton, CancelButton, StepFrame } from './StepFrame.js';
import type { StepProps } from './step-props.js';

/**
 * Show the CCCD's QR to the reader. A serial reader's reads come as `core.readerRead`; a
 * keyboard-wedge reader "types" the QR, which is told from a person by its speed and handed
 * to the flow as `submit.wedgeScan`. Or type it all by hand.
 */
export function IdentifyScreen({ c, act, tr, locale, reading }: StepProps & { reading: boolean }) {
  useWedgeScan((text) => act({ type: 'submit.wedgeScan', text }), !reading);
  const problem = c.idProblem;
  const words = problem ? idProblemWords(problem, (key) => tr(key)) : null;
  return (
    <StepFrame
      c={c}
      tr={tr}
      locale={locale}
      screen="submit.identify"
      step="identify"
      title={tr('submit.identify.title')}
      lead={tr('submit.identify.lead')}
      busy={reading}
      actions={
        <>
          <BackButton act={act} tr={tr} />
          <CancelButton act={act} tr={tr} />
        </>
      }
    >
      <div className="card-slot" aria-hidden="true">
        <div className="card-slot__card">
          <div className="card-slot__qr" />
        </div>
      </div>
      <ol className="how">
        <li>{tr('submit.identify.how1')}</li>
        <li>{tr('submit.identify.how2')}</li>
      </ol>
      <p className={reading ? 'notice notice--busy' : 'notice notice--empty'} role="status">
        {reading ? tr('submit.identify.reading') : ''}
      </p>
      {words && (
        <div className="problem" role="alert" data-problem={problem?.kind === 'rule' ? `${problem.field}.${problem.rule}` : problem?.kind}>
          <p className="problem__title">{tr(problem?.kind === 'trackingCode' ? 'submit.identify.notACard' : 'submit.identify.readFailed')}</p>
          <p>{tr(...words)}</p>
          {problem?.kind !== 'trackingCode' && <p>{tr('submit.identify.readFailedWhatToDo')}</p>}
        </div>
      )}
      <button type="button" className="button button--huge" data-action="manual" disabled={reading} onClick={() => act({ type: 'submit.manualEntry' })}>
        {tr('submit.identify.manual')}
      </button>
    </StepFrame>
  );
}

