import { useSelector } from '@xstate/react';
import type { ActorRefFrom } from 'xstate';
import type { ScreenProps } from '../../app/screen-props.js';
import type { submitMachine } from './submit-machine.js';

export function SubmitFlow({ actor, tr }: ScreenProps & { actor: ActorRefFrom<typeof submitMachine> }) {
  const state = useSelector(actor, (s) => s.value);
  return (
    <main className="screen" data-screen="submit" data-state={String(state)}>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={() => actor.send({ type: 'submit.back' })}>
          {tr('common.back')}
        </button>
      </div>
    </main>
  );
}
