import { mkdir, open, readFile } from 'node:fs/promises';
import { basename, join } from 'node:path';
import type { LogLevel } from './logger.js';
import { redactFields, redactText } from './redact.js';
import { logFilesOf } from './rotating-file.js';

// Reading the kiosk's own JSON-lines logs back: the diagnostics Logs screen (tail with
// filters) and the export to a USB drive. Lines are redacted again on the way out, so a file
// written by an older build, or edited by hand, cannot carry PII off the kiosk.

const rank: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };
const levels = new Set<string>(Object.keys(rank));

export interface LogRecord {
  at: string;
  level: LogLevel;
  component: string;
  message: string;
  fields: Record<string, unknown>;
}

export interface LogFilter {
  /** the minimum level */
  level?: LogLevel;
  component?: string;
  contains?: string;
  limit?: number;
}

const parseLine = (line: string): LogRecord | null => {
  if (line.trim() === '') return null;
  let json: unknown;
  try {
    json = JSON.parse(line);
  } catch {
    return null;
  }
  if (typeof json !== 'object' || json === null || Array.isArray(json)) return null;
  const { at, level, component, message, ...rest } = json as Record<string, unknown>;
  if (typeof level !== 'string' || !levels.has(level)) return null;
  return {
    at: typeof at === 'string' ? at : '',
    level: level as LogLevel,
    component: redactText(typeof component === 'string' ? component : ''),
    message: redactText(typeof message === 'string' ? message : ''),
    fields: redactFields(rest),
  };
};

const matches = (r: LogRecord, f: LogFilter): boolean =>
  (f.level === undefined || rank[r.level] >= rank[f.level]) &&
  (f.component === undefined || r.component === f.component) &&
  (f.contains === undefined || `${r.message} ${JSON.stringify(r.fields)}`.toLowerCase().includes(f.contains.toLowerCase()));

/**
 * The newest lines that pass the filter, oldest first, reading rotated files only as far as
 * needed; and every component seen on the way (the screen's filter list).
 */
export const tailLogs = async (file: string, filter: LogFilter = {}): Promise<{ lines: LogRecord[]; components: string[] }> => {
  const limit = filter.limit ?? 200;
  const picked: LogRecord[] = [];
  const components = new Set<string>();
  for (const f of logFilesOf(file)) {
    let text: string;
    try {
      text = await readFile(f, 'utf8');
    } catch {
      continue;
    }
    const records = text.split('\n').map(parseLine).filter((r): r is LogRecord => r !== null);
    for (let i = records.length - 1; i >= 0 && picked.length < limit; i--) {
      const r = records[i]!;
      components.add(r.component);
      if (matches(r, filter)) picked.push(r);
    }
    for (const r of records) components.add(r.component);
    if (picked.length >= limit) break;
  }
  return { lines: picked.reverse(), components: [...components].sort() };
};

/** Copies the log files, redacted line by line, into `destDir` (created); returns the paths written. */
export const exportLogs = async (file: string, destDir: string): Promise<{ files: string[]; bytes: number }> => {
  await mkdir(destDir, { recursive: true });
  const files: string[] = [];
  let bytes = 0;
  for (const f of logFilesOf(file)) {
    const text = await readFile(f, 'utf8');
    const lines = text
      .split('\n')
      .map(parseLine)
      .filter((r): r is LogRecord => r !== null)
      .map((r) => JSON.stringify({ at: r.at, level: r.level, component: r.component, message: r.message, ...r.fields }) + '\n')
      .join('');
    const to = join(destDir, basename(f));
    // fsync: the technician pulls the USB drive out right after the screen says done
    const h = await open(to, 'wx');
    try {
      await h.writeFile(lines);
      await h.sync();
    } finally {
      await h.close();
    }
    files.push(to);
    bytes += Buffer.byteLength(lines);
  }
  return { files, bytes };
};
