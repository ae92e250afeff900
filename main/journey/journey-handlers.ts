import { kioskError } from '../../common/errors.js';
import { err } from '../../common/result.js';
import type { AppContext } from '../core/app-context.js';
import type { Handlers } from '../core/dispatcher.js';

export type JourneyMethod = 'catalog.get' | 'identity.fromQr' | 'identity.fromManual' | 'dossier.track' | 'receipt.print' | 'rating.submit' | 'session.step';

const notYet = async () => err(kioskError('NotAvailable', 'not built yet'));

/** The resident journey's handlers (issue #5). */
export const journeyHandlers = (_ctx: AppContext): Pick<Handlers, JourneyMethod> => ({
  'catalog.get': notYet,
  'identity.fromQr': notYet,
  'identity.fromManual': notYet,
  'dossier.track': notYet,
  'receipt.print': notYet,
  'rating.submit': notYet,
  'session.step': notYet,
});
