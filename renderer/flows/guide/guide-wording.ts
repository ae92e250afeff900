import type { Catalog, DossierComponent, Fee, Procedure, TimeLimit } from '../../../common/catalog/catalog-schema.js';
import type { Locale } from '../../../common/domain/locale.js';
import type { MessageKey, MessageParams } from '../../i18n/index.js';

// How the guide board words a procedure's facts. Pure: a message key and its params, so
// the wording is tested without React and the screen only calls `tr(w.key, w.params)`.
// A fact the sources did not give (`unconfirmed`) is always worded "to be confirmed at the
// counter": the kiosk never guesses a time limit or a fee.

export interface Wording {
  key: MessageKey;
  params?: MessageParams;
}

/** Vietnamese has no plural; English does, so counts pick `.one` for 1. */
const counted = (key: MessageKey, one: MessageKey, count: number): MessageKey => (count === 1 ? one : key);

export const unconfirmedWording: Wording = { key: 'guide.unconfirmed' };

export const describeTimeLimit = (limit: TimeLimit): Wording => {
  switch (limit.kind) {
    case 'immediately':
      return { key: 'guide.timeLimit.immediately' };
    case 'workingDays':
      return { key: counted('guide.timeLimit.workingDays', 'guide.timeLimit.workingDays.one', limit.days), params: { days: limit.days } };
    case 'days':
      return { key: counted('guide.timeLimit.days', 'guide.timeLimit.days.one', limit.days), params: { days: limit.days } };
    case 'unconfirmed':
      return unconfirmedWording;
  }
};

/** Amounts in đồng with Vietnamese digit grouping (8.000), whatever the language: that is how the fee schedules print them. */
export const formatVnd = (amount: number): string => new Intl.NumberFormat('vi-VN', { maximumFractionDigits: 0 }).format(amount);

export const describeFee = (fee: Fee, locale: Locale): Wording => {
  switch (fee.kind) {
    case 'exempt':
      return { key: 'guide.fee.exempt' };
    case 'fixed': {
      const amount = formatVnd(fee.amountVnd);
      return fee.per ? { key: 'guide.fee.fixedPer', params: { amount, per: fee.per[locale] } } : { key: 'guide.fee.fixed', params: { amount } };
    }
    case 'provincial':
      return { key: 'guide.fee.provincial' };
    case 'unconfirmed':
      return unconfirmedWording;
  }
};

/** The pages a resident should expect to bring (and scan) for one dossier component; null when it says nothing useful. */
export const describePages = (pages: DossierComponent['pages']): Wording | null => {
  if (pages.min === pages.max) return { key: counted('guide.pages.exact', 'guide.pages.exact.one', pages.max), params: { count: pages.max } };
  if (pages.min <= 0) return { key: 'guide.pages.upTo', params: { max: pages.max } };
  return { key: 'guide.pages.range', params: { min: pages.min, max: pages.max } };
};

/** A `LOCAL-…` code means no national code was found: say so rather than show an id that means nothing at the counter. */
export const describeProcedureCode = (code: string): Wording =>
  code.startsWith('LOCAL-') ? { key: 'guide.detail.codeUnconfirmed' } : { key: 'guide.detail.code', params: { code } };

export const describeDelivery = (method: Procedure['delivery'][number]): Wording => ({ key: `guide.delivery.${method}` });

/** The implementing agency's name, or null when the catalog does not know it (the screen then says "to be confirmed"). */
export const agencyName = (catalog: Catalog, procedure: Procedure, locale: Locale): string | null =>
  catalog.agencies.find((a) => a.id === procedure.agency)?.name[locale] ?? null;

export interface CategoryCount {
  id: string;
  name: Catalog['categories'][number]['name'];
  count: number;
}

/** Categories in catalog order with how many of the site's procedures each holds; empty ones are left out. */
export const categoryCounts = (catalog: Catalog): CategoryCount[] =>
  catalog.categories
    .map((c) => ({ id: c.id, name: c.name, count: catalog.procedures.filter((p) => p.category === c.id).length }))
    .filter((c) => c.count > 0);

export const countWording = (count: number): Wording => ({ key: counted('guide.category.count', 'guide.category.count.one', count), params: { count } });
export const listCountWording = (count: number): Wording => ({ key: counted('guide.list.count', 'guide.list.count.one', count), params: { count } });
