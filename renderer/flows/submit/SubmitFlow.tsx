import { useSelector } from '@xstate/react';
import type { ReactNode } from 'react';
import type { ActorRefFrom } from 'xstate';
import type { ScreenProps } from '../../app/screen-props.js';
import { RatingStep } from '../rate/RatingStep.js';
import { ReceiptStep } from '../receipt/ReceiptStep.js';
import { ScanStep } from '../scan/ScanStep.js';
import type { submitMachine, SubmitEvent } from './submit-machine.js';
import { CancelDialog } from './screens/CancelDialog.js';
import { ChooseScreen } from './screens/ChooseScreen.js';
import { ConsentScreen } from './screens/ConsentScreen.js';
import { DeliveryScreen } from './screens/DeliveryScreen.js';
import { DevicesScreen } from './screens/DevicesScreen.js';
import { FormScreen } from './screens/FormScreen.js';
import { IdentifyScreen } from './screens/IdentifyScreen.js';
import { ManualEntryScreen } from './screens/ManualEntryScreen.js';
import { ReviewScreen } from './screens/ReviewScreen.js';
import { SubmittingScreen } from './screens/SubmittingScreen.js';
import type { StepProps } from './screens/step-props.js';
import '../../styles/submit.css';

/** The submit flow's screens, each drawn from the flow machine's snapshot. */
export function SubmitFlow({ actor, ...props }: ScreenProps & { actor: ActorRefFrom<typeof submitMachine> }) {
  const snapshot = useSelector(actor, (s) => s);
  const c = snapshot.context;
  const step: StepProps = { c, act: (event: SubmitEvent) => actor.send(event), tr: props.tr, locale: props.context.locale };
  const m = (value: Parameters<typeof snapshot.matches>[0]) => snapshot.matches(value);
  const { scan, receipt, rating } = snapshot.children;

  // the scan, receipt and rating steps draw their own screens
  let screen: ReactNode = null;
  if (m({ draft: 'choosing' })) screen = <ChooseScreen {...step} />;
  else if (m({ draft: 'checkingDevices' })) screen = <DevicesScreen {...step} checking={!m({ draft: { checkingDevices: 'refused' } })} />;
  else if (m({ draft: { identifying: 'waiting' } }) || m({ draft: { identifying: 'readingQr' } }))
    screen = <IdentifyScreen {...step} reading={m({ draft: { identifying: 'readingQr' } })} />;
  else if (m({ draft: { identifying: 'manual' } }) || m({ draft: { identifying: 'checkingManual' } }))
    screen = <ManualEntryScreen {...step} checking={m({ draft: { identifying: 'checkingManual' } })} />;
  else if (m({ draft: 'form' })) screen = <FormScreen {...step} />;
  else if (m({ draft: 'scanning' }) && scan) screen = <ScanStep key={scan.sessionId} actor={scan} {...props} />;
  else if (m({ draft: 'delivery' })) screen = <DeliveryScreen {...step} />;
  else if (m({ draft: 'consent' })) screen = <ConsentScreen {...step} />;
  else if (m({ draft: 'review' })) screen = <ReviewScreen {...step} />;
  else if (m({ draft: 'submitting' })) screen = <SubmittingScreen {...step} failed={m({ draft: { submitting: 'failed' } })} />;
  else if (m('receipt') && receipt) screen = <ReceiptStep key={receipt.sessionId} actor={receipt} {...props} />;
  else if (m('rating') && rating) screen = <RatingStep key={rating.sessionId} actor={rating} {...props} screen="submit.rating" about={c.procedure?.name[props.context.locale] ?? null} />;

  return (
    <>
      {screen}
      {c.confirmingCancel && m('draft') && <CancelDialog act={step.act} tr={props.tr} />}
    </>
  );
}
