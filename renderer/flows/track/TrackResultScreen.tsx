import type { CityStatus } from '../../../common/kiosk-api/journey-contract.js';
import type { Translate } from '../../app/screen-props.js';
import type { TrackScreenProps } from './track-screen-props.js';
import { appointmentOf, cityStatusKey, cityView, formatDate, formatDateTime, localStateKey } from './track-wording.js';

function StatusLine({ status, tr }: { status: CityStatus; tr: Translate }) {
  const key = cityStatusKey(status.statusCode);
  return (
    <p className="track__status" data-status={status.statusCode}>
      {key ? tr(key) : status.statusText}
    </p>
  );
}

/** What the kiosk and the city know about the dossier; honest when the city cannot be reached. */
export function TrackResultScreen({ actor, snapshot, locale, tr }: TrackScreenProps) {
  const { input, result, checkedCode } = snapshot.context;
  if (!result) return null;
  const procedure = result.procedureCode ? input.catalog.procedures.find((p) => p.code === result.procedureCode) : undefined;
  const local = localStateKey(result.localState);
  const city = cityView(result);
  const appointment = appointmentOf(result);
  return (
    <main className="screen track track--result" data-screen="track.result" data-city={city.kind}>
      <div className="guide__scroll" tabIndex={0}>
        <header className="guide__head">
          <p className="eyebrow">{tr('track.eyebrow')}</p>
          <h1 className="title">{tr('track.result.title')}</h1>
        </header>
        <dl className="facts track__facts">
          {result.procedureCode && (
            <>
              <dt>{tr('track.result.procedure')}</dt>
              <dd>{procedure ? procedure.name[locale] : tr('track.result.procedureUnknown', { code: result.procedureCode })}</dd>
            </>
          )}
          {result.localCode && (
            <>
              <dt>{tr('track.result.localCode')}</dt>
              <dd className="track__code">{result.localCode}</dd>
            </>
          )}
          {result.officialCode && (
            <>
              <dt>{tr('track.result.officialCode')}</dt>
              <dd className="track__code">{result.officialCode}</dd>
            </>
          )}
          {!result.localCode && !result.officialCode && checkedCode && (
            <>
              <dt>{tr('track.result.officialCode')}</dt>
              <dd className="track__code">{checkedCode}</dd>
            </>
          )}
          {result.submittedAt && (
            <>
              <dt>{tr('track.result.submittedAt')}</dt>
              <dd>{formatDateTime(result.submittedAt)}</dd>
            </>
          )}
          {local && (
            <>
              <dt>{tr('track.result.localState')}</dt>
              <dd data-local-state={result.localState ?? undefined}>{tr(local)}</dd>
            </>
          )}
          {appointment && (
            <>
              <dt>{tr('track.result.appointment')}</dt>
              <dd className="track__appointment">{formatDate(appointment)}</dd>
            </>
          )}
        </dl>

        <section className={city.kind === 'lastKnown' || city.kind === 'noneKnown' ? 'city city--stale' : 'city'} aria-labelledby="track-city-title">
          <h2 className="subtitle" id="track-city-title">
            {tr('track.result.cityStatus')}
          </h2>
          {city.kind === 'current' && (
            <>
              <StatusLine status={city.status} tr={tr} />
              <p className="hint">{tr('track.city.updatedAt', { time: formatDateTime(city.status.updatedAt) })}</p>
            </>
          )}
          {city.kind === 'notYet' && <p className="lead">{tr('track.city.notYet')}</p>}
          {(city.kind === 'lastKnown' || city.kind === 'noneKnown') && (
            <p className="city__unreachable" role="status">
              {tr('track.city.unreachable')}
            </p>
          )}
          {city.kind === 'lastKnown' && (
            <>
              <p className="lead">{tr('track.city.lastKnown', { time: formatDateTime(city.asOf) })}</p>
              <StatusLine status={city.status} tr={tr} />
            </>
          )}
          {city.kind === 'noneKnown' && <p className="lead">{tr('track.city.noneKnown')}</p>}
        </section>
      </div>
      <div className="guide__actions">
        <div className="actions">
          <button type="button" className="button button--primary" onClick={() => actor.send({ type: 'track.rate' })}>
            {tr('track.result.rate')}
          </button>
        </div>
        <div className="actions">
          <button type="button" className="button button--secondary" onClick={() => actor.send({ type: 'track.another' })}>
            {tr('track.result.another')}
          </button>
          <button type="button" className="button button--secondary" onClick={() => actor.send({ type: 'track.home' })}>
            {tr('track.home')}
          </button>
        </div>
      </div>
    </main>
  );
}
