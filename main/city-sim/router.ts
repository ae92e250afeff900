import type { RouteKey } from './faults.js';

// Which contract operation a request is, by method and path (paths include `/v1`).

export type Match =
  | { route: 'createDossier' }
  | { route: 'findDossier' }
  | { route: 'submitDossier'; dossierId: string }
  | { route: 'getStatus'; code: string }
  | { route: 'rateDossier'; code: string }
  | { route: 'listProcedures' }
  | { route: 'tusCreate' | 'tusPatch' | 'tusHead' | 'tusOther' };

const seg = '([^/]+)';
const submitRe = new RegExp(`^/v1/dossiers/${seg}/submit$`);
const ratingsRe = new RegExp(`^/v1/dossiers/${seg}/ratings$`);
const statusRe = new RegExp(`^/v1/dossiers/${seg}$`);
const uploadRe = /^\/v1\/uploads(\/[^/]+)?\/?$/;

const decode = (s: string): string | undefined => {
  try {
    return decodeURIComponent(s);
  } catch {
    return undefined;
  }
};

export const matchRoute = (method: string, path: string): Match | undefined => {
  if (uploadRe.test(path)) {
    if (method === 'POST') return { route: 'tusCreate' };
    if (method === 'PATCH') return { route: 'tusPatch' };
    if (method === 'HEAD') return { route: 'tusHead' };
    return { route: 'tusOther' };
  }
  if (path === '/v1/dossiers') {
    if (method === 'POST') return { route: 'createDossier' };
    if (method === 'GET') return { route: 'findDossier' };
    return undefined;
  }
  if (path === '/v1/procedures') return method === 'GET' ? { route: 'listProcedures' } : undefined;
  const submit = submitRe.exec(path);
  const submitId = submit?.[1] && decode(submit[1]);
  if (submitId) return method === 'POST' ? { route: 'submitDossier', dossierId: submitId } : undefined;
  const ratings = ratingsRe.exec(path);
  const ratingCode = ratings?.[1] && decode(ratings[1]);
  if (ratingCode) return method === 'POST' ? { route: 'rateDossier', code: ratingCode } : undefined;
  const status = statusRe.exec(path);
  const code = status?.[1] && decode(status[1]);
  if (code) return method === 'GET' ? { route: 'getStatus', code } : undefined;
  return undefined;
};

/** the fault/counter key of a match; tus OPTIONS/DELETE/GET have none */
export const routeKeyOf = (m: Match): RouteKey | undefined => (m.route === 'tusOther' ? undefined : m.route);
