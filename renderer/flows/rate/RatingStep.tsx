import type { ActorRefFrom } from 'xstate';
import type { ScreenProps } from '../../app/screen-props.js';
import type { ratingMachine } from './rating-machine.js';

// PLACEHOLDER: replaced by the real rating step's screens.
export function RatingStep({ actor, tr }: ScreenProps & { actor: ActorRefFrom<typeof ratingMachine> }) {
  return (
    <main className="screen" data-screen="rating">
      <div className="actions">
        <button type="button" className="button button--primary" onClick={() => actor.send({ type: 'rating.done' })}>
          {tr('common.back')}
        </button>
      </div>
    </main>
  );
}
