import type { CitizenIdentity } from '../../../../common/domain/citizen-identity.js';
import type { Translate } from '../../../app/screen-props.js';
import { isoToDisplayDate } from '../submit-model.js';

/** The identity as read from the card (or typed): read-only facts. */
export function IdentityFacts({ identity, tr }: { identity: CitizenIdentity; tr: Translate }) {
  return (
    <dl className="facts" data-testid="identity-facts">
      <dt>{tr('submit.identity.idNumber')}</dt>
      <dd data-fact="idNumber">{identity.idNumber}</dd>
      {identity.oldIdNumber && (
        <>
          <dt>{tr('submit.identity.oldIdNumber')}</dt>
          <dd data-fact="oldIdNumber">{identity.oldIdNumber}</dd>
        </>
      )}
      <dt>{tr('submit.identity.fullName')}</dt>
      <dd data-fact="fullName">{identity.fullName}</dd>
      <dt>{tr('submit.identity.dateOfBirth')}</dt>
      <dd data-fact="dateOfBirth">{isoToDisplayDate(identity.dateOfBirth)}</dd>
      <dt>{tr('submit.identity.sex')}</dt>
      <dd data-fact="sex">{tr(`submit.identity.sex.${identity.sex}`)}</dd>
      <dt>{tr('submit.identity.address')}</dt>
      <dd data-fact="address">{identity.address}</dd>
      <dt>{tr('submit.identity.issueDate')}</dt>
      <dd data-fact="issueDate">{isoToDisplayDate(identity.issueDate)}</dd>
    </dl>
  );
}
