import { useSelector } from '@xstate/react';
import type { ActorRefFrom } from 'xstate';
import type { ScreenProps } from '../../app/screen-props.js';
import type { guideMachine } from './guide-machine.js';

export function GuideFlow({ actor, tr }: ScreenProps & { actor: ActorRefFrom<typeof guideMachine> }) {
  const state = useSelector(actor, (s) => s.value);
  return (
    <main className="screen" data-screen="guide" data-state={String(state)}>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={() => actor.send({ type: 'guide.back' })}>
          {tr('common.back')}
        </button>
      </div>
    </main>
  );
}
