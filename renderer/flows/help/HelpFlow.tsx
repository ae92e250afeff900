import { useSelector } from '@xstate/react';
import type { ActorRefFrom } from 'xstate';
import type { ScreenProps } from '../../app/screen-props.js';
import type { helpMachine } from './help-machine.js';

export function HelpFlow({ actor, tr }: ScreenProps & { actor: ActorRefFrom<typeof helpMachine> }) {
  const state = useSelector(actor, (s) => s.value);
  return (
    <main className="screen" data-screen="help" data-state={String(state)}>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={() => actor.send({ type: 'help.back' })}>
          {tr('common.back')}
        </button>
      </div>
    </main>
  );
}
