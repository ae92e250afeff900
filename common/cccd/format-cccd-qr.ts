import type { CitizenIdentity } from '../domain/citizen-identity.js';
import { isoToDdMmYyyy } from './calendar-date.js';

/**
 * The QR text a card with this identity carries: the inverse of parseCccdQr, for the
 * simulator and the tests. Always seven fields (an empty old ID, as cards print it).
 */
export const formatCccdQr = (identity: CitizenIdentity): string =>
  [
    identity.idNumber,
    identity.oldIdNumber ?? '',
    identity.fullName,
    isoToDdMmYyyy(identity.dateOfBirth),
    identity.sex === 'male' ? 'Nam' : 'Nữ',
    identity.address,
    isoToDdMmYyyy(identity.issueDate),
    ...identity.extraFields,
  ].join('|');
