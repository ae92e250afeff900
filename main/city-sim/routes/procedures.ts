import type { ProcedureList } from '../../../common/city/city-contract.js';
import { problem, type SimResponse } from '../problem.js';
import type { RouteContext } from './context.js';

export const listProcedures = (ctx: RouteContext, since: string | null): SimResponse => {
  const sinceMs = since === null ? undefined : Date.parse(since);
  if (sinceMs !== undefined && Number.isNaN(sinceMs)) return problem(400, 'invalid-query', 'Invalid query', '`since` must be an RFC 3339 date-time');
  const body: ProcedureList = {
    asOf: new Date(ctx.now()).toISOString(),
    procedures: ctx.catalog
      .filter((p) => sinceMs === undefined || Date.parse(p.updatedAt) > sinceMs)
      .map(({ code, name, version, acceptsKiosk }) => ({ code, name, version, acceptsKiosk })),
  };
  return { status: 200, body };
};
