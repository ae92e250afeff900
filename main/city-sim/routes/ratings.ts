import type { Rating } from '../../../common/city/city-contract.js';
import { problem, type SimResponse } from '../problem.js';
import type { Sql } from '../../db/sqlite-db.js';
import { findByOfficialCode, getRating, insertRating } from '../store.js';
import type { RouteContext } from './context.js';
import { notFound } from './dossiers.js';

/** One rating per dossier: a second one under another key is refused, a retry is replayed upstream. */
export const rateDossier = async (tx: Sql, ctx: RouteContext, code: string, rating: Rating): Promise<SimResponse> => {
  const d = await findByOfficialCode(tx, code);
  if (!d) return notFound(`dossier code ${code}`);
  if (await getRating(tx, d.dossier_id)) return problem(422, 'already-rated', 'Already rated', `dossier ${code} already has a rating`);
  const at = ctx.now();
  await insertRating(tx, d.dossier_id, rating, at);
  return { status: 201, body: { dossierCode: code, level: rating.level, recordedAt: new Date(at).toISOString() } };
};
