import { useSelector } from '@xstate/react';
import type { ActorRefFrom } from 'xstate';
import type { ScreenProps } from '../../app/screen-props.js';
import type { trackMachine } from './track-machine.js';

export function TrackFlow({ actor, tr }: ScreenProps & { actor: ActorRefFrom<typeof trackMachine> }) {
  const state = useSelector(actor, (s) => s.value);
  return (
    <main className="screen" data-screen="track" data-state={String(state)}>
      <div className="actions">
        <button type="button" className="button button--primary" onClick={() => actor.send({ type: 'track.back' })}>
          {tr('common.back')}
        </button>
      </div>
    </main>
  );
}
