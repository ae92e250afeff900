import type { Locale } from '../domain/locale.js';
import { foldVietnamese } from '../text/fold.js';
import type { Catalog, Procedure } from './catalog-schema.js';

// The guide board's search box. A query matches when every word of it starts a word of the
// procedure's name, code, category or agency (folded: "ket hon" finds "kết hôn"), so short
// prefixes typed on a touch keyboard already narrow the list. Names rank first because that
// is what a resident is looking for; the rest only widens the net.

/** Word starts inside folded text: the start, or after anything that is not a letter or digit. */
const words = (folded: string): string[] => folded.split(/[^\p{L}\p{N}]+/u).filter((w) => w !== '');

// A code such as 1.000894 is a single token to a resident; split on dots it would also match
// "000894", which is harmless, so codes are indexed both whole and by parts.
const codeTokens = (code: string): string[] => [foldVietnamese(code), ...words(foldVietnamese(code))];

// dots are kept inside a token so a typed code stays whole; "ký," and "kết-hôn" split like names do
const queryTokens = (query: string): string[] =>
  foldVietnamese(query).split(/[^\p{L}\p{N}.]+/u).map((t) => t.replace(/^\.+|\.+$/g, '')).filter((t) => t !== '');

const anyStartsWith = (haystack: readonly string[], token: string): boolean => haystack.some((w) => w.startsWith(token));

interface Indexed {
  procedure: Procedure;
  order: number;
  /** words of the name in the resident's locale */
  name: string[];
  otherName: string[];
  /** words of the code, category and agency */
  rest: string[];
}

/**
 * Procedures whose texts contain every query token as a word prefix, best first: all tokens
 * in the name of the current locale, then in either name, then anywhere; catalog order within
 * a rank. An empty query returns the whole catalog in its order.
 */
export function searchProcedures(catalog: Catalog, query: string, locale: Locale): Procedure[] {
  const tokens = queryTokens(query);
  if (tokens.length === 0) return [...catalog.procedures];
  const category = new Map(catalog.categories.map((c) => [c.id, c.name]));
  const agency = new Map(catalog.agencies.map((a) => [a.id, a.name]));
  const other: Locale = locale === 'vi' ? 'en' : 'vi';

  const indexed: Indexed[] = catalog.procedures.map((p, order) => {
    const cat = category.get(p.category);
    const ag = agency.get(p.agency);
    return {
      procedure: p,
      order,
      name: words(foldVietnamese(p.name[locale])),
      otherName: words(foldVietnamese(p.name[other])),
      rest: [
        ...codeTokens(p.code),
        ...(cat ? words(foldVietnamese(`${cat.vi} ${cat.en}`)) : []),
        ...(ag ? words(foldVietnamese(`${ag.vi} ${ag.en}`)) : []),
      ],
    };
  });

  const rank = (x: Indexed): number | null => {
    const inName = (t: string): boolean => anyStartsWith(x.name, t);
    const inNames = (t: string): boolean => inName(t) || anyStartsWith(x.otherName, t);
    if (tokens.every(inName)) return 0;
    if (tokens.every(inNames)) return 1;
    if (tokens.every((t) => inNames(t) || anyStartsWith(x.rest, t))) return 2;
    return null;
  };

  return indexed
    .map((x) => ({ x, r: rank(x) }))
    .filter((m): m is { x: Indexed; r: number } => m.r !== null)
    .sort((a, b) => a.r - b.r || a.x.order - b.x.order)
    .map((m) => m.x.procedure);
}
