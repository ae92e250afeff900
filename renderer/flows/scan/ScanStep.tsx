import type { ActorRefFrom } from 'xstate';
import type { ScreenProps } from '../../app/screen-props.js';
import type { scanMachine } from './scan-machine.js';

// PLACEHOLDER: replaced by the real scan step's screens.
export function ScanStep({ actor, tr }: ScreenProps & { actor: ActorRefFrom<typeof scanMachine> }) {
  return (
    <main className="screen" data-screen="scan">
      <div className="actions">
        <button type="button" className="button button--primary" onClick={() => actor.send({ type: 'scan.done' })}>
          {tr('common.back')}
        </button>
      </div>
    </main>
  );
}
