// `kiosk audit --since <date> [--json]`: the technician audit, oldest first, one row a line.
import { AuditLog, auditDbPath } from '../../main/audit/audit-log.js';
import type { CommandIo } from './id-parse.js';
import { takeFlag, takeOption } from './data-dir-arg.js';

export const auditUsage = 'usage: kiosk audit --since <yyyy-mm-dd | ISO time> [--json] [--data-dir DIR]\n';

export const runAudit = async (args: readonly string[], ctx: { dataDir: string; io: CommandIo }): Promise<number> => {
  const { io } = ctx;
  const since = takeOption(args, '--since');
  const json = takeFlag(since.rest, '--json');
  // a bare date means the start of that day in Vietnam time, as the technician reads dates
  const at = since.value === undefined ? NaN : Date.parse(/^\d{4}-\d{2}-\d{2}$/.test(since.value) ? `${since.value}T00:00:00+07:00` : since.value);
  if (!Number.isFinite(at) || json.rest.length > 0) return (io.stderr.write(auditUsage), 2);
  const audit = AuditLog.openExisting(auditDbPath(ctx.dataDir));
  if (!audit) return (io.stderr.write(`audit: no audit in ${ctx.dataDir} (has the kiosk run with this --data-dir?)\n`), 1);
  try {
    const rows = (await audit.list({ since: at, limit: 1_000_000 })).reverse();
    for (const r of rows) {
      io.stdout.write(
        json.on ? JSON.stringify(r) + '\n' : `${r.at}  ${r.operatorId} (${r.role})  ${r.action}${r.target ? ` ${r.target}` : ''}  ${r.result}${r.detail ? `  ${r.detail}` : ''}\n`,
      );
    }
    return 0;
  } finally {
    await audit.close();
  }
};
