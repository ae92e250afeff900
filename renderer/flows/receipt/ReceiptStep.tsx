import type { ActorRefFrom } from 'xstate';
import type { ScreenProps } from '../../app/screen-props.js';
import type { receiptMachine } from './receipt-machine.js';

// PLACEHOLDER: replaced by the real receipt step's screens.
export function ReceiptStep({ actor, tr }: ScreenProps & { actor: ActorRefFrom<typeof receiptMachine> }) {
  return (
    <main className="screen" data-screen="receipt">
      <div className="actions">
        <button type="button" className="button button--primary" onClick={() => actor.send({ type: 'receipt.done' })}>
          {tr('common.back')}
        </button>
      </div>
    </main>
  );
}
