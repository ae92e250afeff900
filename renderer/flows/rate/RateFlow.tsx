import { useSelector } from '@xstate/react';
import type { ActorRefFrom } from 'xstate';
import type { ScreenProps } from '../../app/screen-props.js';
import type { rateMachine } from './rate-machine.js';

export function RateFlow({ actor, tr }: ScreenProps & { actor: ActorRefFrom<typeof rateMachine> }) {
  const state = useSelector(actor, (s) => s.value);
  return (
    <main className="screen" data-screen="rate" data-state={String(state)}>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={() => actor.send({ type: 'rate.back' })}>
          {tr('common.back')}
        </button>
      </div>
    </main>
  );
}
