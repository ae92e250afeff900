import type { ScreenProps } from '../app/screen-props.js';

/**
 * Shown on every screen while an officer has assisted mode unlocked (the dossiers then carry
 * channel kiosk-assisted and the officer's id), so nobody mistakes it for a self-service
 * session, and the officer can end it from wherever the resident is.
 */
export function AssistedBanner({ context, send, tr }: ScreenProps) {
  const operator = context.operator;
  if (operator?.role !== 'officer') return null;
  return (
    <aside className="assisted-banner" aria-label={tr('assisted.label')} data-testid="assisted-mode">
      <p className="assisted-banner__text">{tr('assisted.banner', { operatorId: operator.operatorId })}</p>
      <button type="button" className="assisted-banner__end" onClick={() => send({ type: 'user.endAssisted' })}>
        {tr('assisted.end')}
      </button>
    </aside>
  );
}
